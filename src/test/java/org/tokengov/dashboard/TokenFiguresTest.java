package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokengov.dashboard.TokenFigures.ExpiryWindow;
import org.tokengov.dashboard.TokenFigures.StateCount;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenState;

/** The figures as the page shows them, from the registry's counts (which {@code TokenReportsContract} checks). */
class TokenFiguresTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void countsEveryStateInEachEnvironmentWithTheirTotalsAndTheSuspendedOnes() {
        Map<RedcapEnvironment, Map<TokenState, Long>> counts = zero();
        counts.get(RedcapEnvironment.QA).put(TokenState.QA_ACTIVE, 1L);
        counts.get(RedcapEnvironment.PROD).put(TokenState.ACTIVE, 2L);
        counts.get(RedcapEnvironment.PROD).put(TokenState.REVOKED, 1L);
        counts.get(RedcapEnvironment.QA).put(TokenState.SUSPENDED, 2L);
        counts.get(RedcapEnvironment.PROD).put(TokenState.SUSPENDED, 1L);

        TokenFigures figures = TokenFigures.of(counts, List.of(1L, 3L, 4L), 5);

        assertThat(figures.byState()).containsExactly(
                new StateCount("QA_ACTIVE", "Active in QA", 1, 0), new StateCount("ACTIVE", "Active", 0, 2), new StateCount("SUSPENDED", "Suspended", 2, 1),
                new StateCount("REVOKED", "Revoked", 0, 1), new StateCount("EXPIRED", "Expired", 0, 0), new StateCount("FOUND", "Found in REDCap", 0, 0),
                new StateCount("REVOCATION_PENDING", "Revocation pending", 0, 0));
        assertThat(figures.total()).isEqualTo(new StateCount("All", "All", 3, 4));
        assertThat(figures.total().total()).isEqualTo(7);
        assertThat(figures.expiryWindows()).containsExactly(new ExpiryWindow(30, 1), new ExpiryWindow(60, 3), new ExpiryWindow(90, 4));
        assertThat(figures.expiringSoon()).as("the longest window's").isEqualTo(4);
        assertThat(figures.unused()).isEqualTo(5);
        assertThat(figures.suspended()).isEqualTo(3);
    }

    @Test
    void unusedMeansIdleSinceBeforeFiveCalendarMonthsAgoAndExpiringSoonWithinNinetyDays() {
        assertThat(TokenFigures.unusedBefore(NOW)).isEqualTo(Instant.parse("2026-06-28T12:00:00Z"));
        assertThat(TokenFigures.expiringSoonDeadline(NOW)).isEqualTo(Instant.parse("2027-02-26T12:00:00Z"));
        assertThat(TokenFigures.USABLE).containsExactlyInAnyOrder(TokenState.ACTIVE, TokenState.QA_ACTIVE);
    }

    private static Map<RedcapEnvironment, Map<TokenState, Long>> zero() {
        Map<RedcapEnvironment, Map<TokenState, Long>> counts = new EnumMap<>(RedcapEnvironment.class);
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            Map<TokenState, Long> byState = new EnumMap<>(TokenState.class);
            for (TokenState state : TokenState.values()) {
                byState.put(state, 0L);
            }
            counts.put(environment, byState);
        }
        return counts;
    }
}
