package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.offboarding.OffboardingOutcome;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;
import org.tokengov.redcap.RedcapEnvironment;

/** The dashboard says states, reasons and outcomes in words, never as the constants' names. */
class ReadableWordsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:15:30Z");

    @Test
    void everyTokenStateRevocationReasonAndOffboardingOutcomeHasWordsOfItsOwn() {
        for (TokenState state : TokenState.values()) {
            assertThat(Readable.tokenState(state)).as(state.name()).isNotBlank().doesNotContain("_").isNotEqualTo(state.name());
        }
        for (RevocationReason reason : RevocationReason.values()) {
            assertThat(Readable.revocationReason(reason.name())).as(reason.name()).isNotBlank().doesNotContain("_")
                    .isEqualTo(Readable.revocationReason(reason));
        }
        for (OffboardingOutcome outcome : OffboardingOutcome.values()) {
            assertThat(Readable.offboardingOutcome(outcome)).as(outcome.name()).isNotBlank().doesNotContain("_");
        }
        assertThat(Arrays.stream(TokenState.values()).map(Readable::tokenState).distinct()).hasSize(TokenState.values().length);
        assertThat(Readable.tokenState(TokenState.QA_ACTIVE)).isEqualTo("Active in QA");
        assertThat(Readable.revocationReason("LEFT_PROJECT")).isEqualTo("The holder left the project");
    }

    @Test
    void aReasonStoredByAnotherReleaseReadsAsWordsAndNoneAsNothing() {
        assertThat(Readable.revocationReason("SOMETHING_NEW")).isEqualTo("Something new");
        assertThat(Readable.revocationReason((String) null)).isEmpty();
        assertThat(Readable.revocationReason(" ")).isEmpty();
    }

    @Test
    void lastUseIsShownToTheMinute() {
        assertThat(Readable.lastUse(NOW)).isEqualTo("2026-12-07 10:15 UTC");
        assertThat(Readable.lastUse(null)).isEqualTo("never");
    }

    @Test
    void tokenRowsCarryWordsForPeopleAndTheStateNameForMachines() {
        IssuedToken revoked = new IssuedToken("t-1", "r-1", "alice", RedcapEnvironment.PROD, 101, true, false, false,
                TokenState.REVOKED, NOW.minusSeconds(86_400), NOW.plusSeconds(86_400), NOW.minusSeconds(60), null,
                NOW, "COMPROMISED", 1L);

        TokenRow row = TokenRow.of(revoked, NOW);

        assertThat(row.state()).isEqualTo("Revoked");
        assertThat(row.stateName()).isEqualTo("REVOKED");
        assertThat(row.revocationReason()).isEqualTo("Reported compromised");
        assertThat(row.lastUsed()).isEqualTo("2026-12-07 10:14 UTC");
    }

    @Test
    void onlyAnotherPersonsLiveTokenOffersTheLeftProjectReport() {
        Viewer pat = new Viewer("pat", false, List.of());
        IssuedToken alices = token("alice", TokenState.ACTIVE);

        assertThat(PiTokenRow.of(alices, 2, pat).leftProjectLink()).isEqualTo("/dashboard/tokens/t-alice/left-project");
        assertThat(PiTokenRow.of(alices, 2, pat).openFindings()).isEqualTo(2);
        assertThat(PiTokenRow.of(token("alice", TokenState.SUSPENDED), 0, pat).leftProjectLink()).as("suspended is live").isNotNull();
        assertThat(PiTokenRow.of(token("alice", TokenState.REVOKED), 0, pat).leftProjectLink()).as("nothing left to revoke").isNull();
        assertThat(PiTokenRow.of(token("pat", TokenState.ACTIVE), 0, pat).leftProjectLink()).as("her own token").isNull();
    }

    private static IssuedToken token(String holder, TokenState state) {
        return new IssuedToken("t-" + holder, "r-1", holder, RedcapEnvironment.QA, 201, true, false, false, state,
                NOW.minusSeconds(86_400), NOW.plusSeconds(86_400), null, null, null, null, 1L);
    }
}
