package org.tokengov.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who must attest, and the validation of {@code tokengov.policy.attestation.*}. */
class AttestationDueTest {

    static final Instant NOW = Instant.parse("2027-01-15T09:00:00Z");

    @Test
    void holdersWhoNeverAttestedAreAsked() {
        assertThat(AttestationDue.holdersToAsk(List.of("bob", "alice", "bob"), Map.of(), NOW, Period.ofYears(1)))
                .containsExactly("alice", "bob");
    }

    @Test
    void anAttestationOrRenewalWithinThePeriodCounts() {
        Map<String, Instant> last = Map.of(
                "alice", Instant.parse("2026-03-01T00:00:00Z"),   // renewed within the year
                "bob", Instant.parse("2026-01-15T08:59:59Z"),     // just over a year ago
                "rita", Instant.parse("2026-01-15T09:00:00Z"));   // exactly a year ago: still counts
        assertThat(AttestationDue.holdersToAsk(List.of("alice", "bob", "rita", "erin"), last, NOW, Period.ofYears(1)))
                .containsExactly("bob", "erin");
    }

    @Test
    void peopleWithoutLiveTokensAreNotAsked() {
        assertThat(AttestationDue.holdersToAsk(List.of(), Map.of("alice", Instant.EPOCH), NOW, Period.ofYears(1))).isEmpty();
    }

    @Test
    void theCampaignListIsAPlainString() {
        assertThat(PolicyAttestationVariables.holders("alice, bob,,")).containsExactly("alice", "bob");
        assertThat(PolicyAttestationVariables.holders("")).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new AttestationProperties("P1Y", Duration.ofDays(30), Duration.ofDays(7), Period.ofYears(1)))
                .hasMessageContaining("campaign-cycle");
        assertThatThrownBy(() -> new AttestationProperties("R/P1Y", Duration.ofDays(7), Duration.ofDays(30), Period.ofYears(1)))
                .hasMessageContaining("reminder interval");
        assertThat(new AttestationProperties("0 0 9 15 1 ?", Duration.ofDays(30), Duration.ofDays(7), Period.ofYears(1))
                .campaignCycle()).startsWith("0 0 9");
    }
}
