package org.tokengov.dashboard;

import java.time.Duration;
import org.tokengov.offboarding.OffboardingReports.Report;

/** An offboarding as a table row, with its time to full revocation (empty while pending or when nothing was held). */
record OffboardingRow(String id, String username, String type, String received, int tokens, String timeToRevoke,
        String outcome) {

    static OffboardingRow of(Report report) {
        Long seconds = report.secondsToFullRevocation();
        String timeToRevoke = report.revocations().isEmpty() ? "no tokens held"
                : seconds == null ? RevocationTimes.PENDING : Readable.duration(Duration.ofSeconds(seconds));
        return new OffboardingRow(report.event().id(), report.event().username(), report.event().type(),
                Readable.minute(report.event().receivedAt()), report.revocations().size(), timeToRevoke,
                report.event().outcome() == null ? "" : Readable.offboardingOutcome(report.event().outcome()));
    }
}
