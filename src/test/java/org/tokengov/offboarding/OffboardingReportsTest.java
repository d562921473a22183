package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.offboarding.OffboardingReports.Report;
import org.tokengov.offboarding.OffboardingReports.Revocation;

class OffboardingReportsTest {

    static final Instant RECEIVED = Instant.parse("2026-04-01T08:00:00Z");

    @Test
    void fullRevocationTakesUntilTheLastTokenIsRevoked() {
        Report report = report(revoked("t-1", RECEIVED.plusSeconds(150)), revoked("t-2", RECEIVED.plusSeconds(90)));

        assertThat(report.secondsToFullRevocation()).isEqualTo(150L);
    }

    @Test
    void noFiguresWhileARevocationIsPendingOrWhenThereWasNothingToRevoke() {
        assertThat(report(revoked("t-1", RECEIVED.plusSeconds(30)), revoked("t-2", null)).secondsToFullRevocation()).isNull();
        assertThat(report().secondsToFullRevocation()).isNull();
    }

    private static Report report(Revocation... revocations) {
        OffboardingEvent event = new OffboardingEvent("e-1", "erin", "hr-webhook", "Left", OffboardingEvent.TERMINATED, null,
                RECEIVED, RECEIVED, OffboardingOutcome.COMPLETED, null, RECEIVED.plusSeconds(200));
        return new Report(event, List.of(revocations));
    }

    private static Revocation revoked(String tokenId, Instant at) {
        return new Revocation("PROD", 101, tokenId, at);
    }
}
