package org.tokengov.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

class RecentUseTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final IssuedToken TOKEN = new IssuedToken("t-1", "r-1", "alice", RedcapEnvironment.PROD, 101, true, false,
            false, TokenState.ACTIVE, Instant.parse("2025-07-01T12:00:00Z"), Instant.parse("2026-07-01T12:00:00Z"), null,
            null, null, null, 1L);

    final TokenUsage usage = mock(TokenUsage.class);
    final FairUseFindings findings = mock(FairUseFindings.class);
    final RecentUse recentUse = new RecentUse(usage, findings, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theLastNinetyDaysOfCallsAndFindingsNewestFirst() {
        Instant from = NOW.minus(Duration.ofDays(90));
        when(usage.summary(TOKEN, from, NOW)).thenReturn(new UsageSummary(from, NOW, UsageCounts.NONE, 0, null,
                new long[24], null, 0, ZoneId.of("America/New_York")));
        when(findings.ofToken("t-1", from)).thenReturn(List.of(
                finding(FairUseRule.POLLING, Certainty.CONFIRMED, "2026-05-20T10:00:00Z", "720 calls an hour, every 5 s"),
                finding(FairUseRule.REPEATED_FULL_EXPORT, Certainty.SUSPECTED, "2026-04-02T03:00:00Z", "exports on 3 days")));

        RecentUse.Evidence evidence = recentUse.of(TOKEN);

        verify(usage).summary(TOKEN, from, NOW);
        assertThat(evidence.use()).startsWith("No API call logged by REDCap from 2026-03-03 07:00 to 2026-06-01 08:00");
        assertThat(evidence.findings()).isEqualTo("""
                2026-05-20 POLLING (confirmed): 720 calls an hour, every 5 s
                2026-04-02 REPEATED_FULL_EXPORT (suspected): exports on 3 days""");
    }

    @Test
    void noFindingSaysSo() {
        assertThat(RecentUse.describe(List.of())).isEqualTo("No fair-use finding in the last 90 days.");
    }

    private static Finding finding(FairUseRule rule, Certainty certainty, String foundAt, String observed) {
        Instant at = Instant.parse(foundAt);
        return new Finding("f-" + rule, rule, certainty, false, "t-1", "alice", RedcapEnvironment.PROD, 101,
                at.minus(Duration.ofHours(1)), at, observed, at, null);
    }
}
