package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokengov.dashboard.TokenFigures.ExpiryWindow;
import org.tokengov.dashboard.TokenFigures.StateCount;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

class TokenFiguresTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void countsEveryStateInEachEnvironment() {
        TokenFigures figures = TokenFigures.of(List.of(
                token("a", RedcapEnvironment.QA, TokenState.QA_ACTIVE, days(300), null, days(-10)),
                token("b", RedcapEnvironment.PROD, TokenState.ACTIVE, days(300), null, days(-10)),
                token("c", RedcapEnvironment.PROD, TokenState.ACTIVE, days(300), null, days(-10)),
                token("d", RedcapEnvironment.PROD, TokenState.REVOKED, days(300), null, days(-10))), NOW);

        assertThat(figures.byState()).containsExactly(
                new StateCount("QA_ACTIVE", 1, 0), new StateCount("ACTIVE", 0, 2), new StateCount("SUSPENDED", 0, 0),
                new StateCount("REVOKED", 0, 1), new StateCount("EXPIRED", 0, 0), new StateCount("FOUND", 0, 0),
                new StateCount("REVOCATION_PENDING", 0, 0));
        assertThat(figures.total()).isEqualTo(new StateCount("All", 1, 3));
        assertThat(figures.total().total()).isEqualTo(4);
    }

    @Test
    void expiryWindowsCountLiveTokensExpiringBeforeTheirEnd() {
        TokenFigures figures = TokenFigures.of(List.of(
                token("in-10", RedcapEnvironment.PROD, TokenState.ACTIVE, days(10), null, days(-300)),
                token("in-30", RedcapEnvironment.PROD, TokenState.ACTIVE, days(30), null, days(-300)),
                token("in-45", RedcapEnvironment.QA, TokenState.SUSPENDED, days(45), null, days(-300)),
                token("in-89", RedcapEnvironment.PROD, TokenState.ACTIVE, days(89), null, days(-300)),
                token("in-91", RedcapEnvironment.PROD, TokenState.ACTIVE, days(91), null, days(-300)),
                token("revoked-in-5", RedcapEnvironment.PROD, TokenState.REVOKED, days(5), null, days(-300))), NOW);

        assertThat(figures.expiryWindows()).containsExactly(new ExpiryWindow(30, 1), new ExpiryWindow(60, 3), new ExpiryWindow(90, 4));
        assertThat(figures.expiringSoon()).extracting(IssuedToken::id).containsExactly("in-10", "in-30", "in-45", "in-89");
    }

    @Test
    void unusedMeansNoCallForFiveMonthsOrNeverUsedSinceIssueFiveMonthsAgo() {
        TokenFigures figures = TokenFigures.of(List.of(
                token("used-6-months-ago", RedcapEnvironment.PROD, TokenState.ACTIVE, days(100), days(-183), days(-300)),
                token("used-last-week", RedcapEnvironment.PROD, TokenState.ACTIVE, days(100), days(-7), days(-300)),
                token("never-used-old", RedcapEnvironment.QA, TokenState.QA_ACTIVE, days(100), null, days(-160)),
                token("never-used-new", RedcapEnvironment.QA, TokenState.QA_ACTIVE, days(100), null, days(-140)),
                token("suspended-idle", RedcapEnvironment.PROD, TokenState.SUSPENDED, days(100), days(-200), days(-300)),
                token("revoked-idle", RedcapEnvironment.PROD, TokenState.REVOKED, days(100), days(-200), days(-300))), NOW);

        assertThat(figures.unused()).extracting(IssuedToken::id).containsExactly("used-6-months-ago", "never-used-old");
        assertThat(figures.suspended()).extracting(IssuedToken::id).containsExactly("suspended-idle");
    }

    static Instant days(long days) {
        return NOW.plus(Duration.ofDays(days));
    }

    static IssuedToken token(String id, RedcapEnvironment environment, TokenState state, Instant expiresAt, Instant lastUsedAt,
            Instant issuedAt) {
        return new IssuedToken(id, null, "holder-" + id, environment, 101, true, false, false, state, issuedAt, expiresAt,
                lastUsedAt, null, null, null, 0L);
    }
}
