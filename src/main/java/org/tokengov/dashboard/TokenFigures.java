package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;

/**
 * The dashboard's figures over a list of tokens at a moment: counts by state and environment, how many live tokens
 * expire within each window, and the tokens that need someone's attention. "Unused" means no API call for
 * {@value #UNUSED_MONTHS} months or more (the last use the inactivity sweep read from REDCap's log, else the issue
 * date): a month before the policy's six months of disuse revoke the token.
 */
record TokenFigures(
        List<StateCount> byState,
        StateCount total,
        List<ExpiryWindow> expiryWindows,
        List<IssuedToken> expiringSoon,
        List<IssuedToken> unused,
        List<IssuedToken> suspended) {

    static final List<Integer> EXPIRY_WINDOW_DAYS = List.of(30, 60, 90);
    static final int UNUSED_MONTHS = 5;

    record StateCount(String label, long qa, long prod, long total) {

        StateCount(String label, long qa, long prod) {
            this(label, qa, prod, qa + prod);
        }
    }

    /** Live tokens whose expiry falls before {@code days} from now, including any already past it but not yet ended. */
    record ExpiryWindow(int days, long tokens) {
    }

    static TokenFigures of(List<IssuedToken> tokens, Instant now) {
        List<StateCount> byState = Arrays.stream(TokenState.values())
                .map(state -> count(state.name(), tokens.stream().filter(token -> token.state() == state).toList()))
                .toList();
        List<ExpiryWindow> windows = EXPIRY_WINDOW_DAYS.stream()
                .map(days -> new ExpiryWindow(days, tokens.stream().filter(token -> expiresWithin(token, now, days)).count()))
                .toList();
        int longestWindow = EXPIRY_WINDOW_DAYS.get(EXPIRY_WINDOW_DAYS.size() - 1);
        Instant unusedBefore = now.atZone(ZoneOffset.UTC).minusMonths(UNUSED_MONTHS).toInstant();
        return new TokenFigures(byState, count("All", tokens), windows,
                tokens.stream().filter(token -> expiresWithin(token, now, longestWindow))
                        .sorted(Comparator.comparing(IssuedToken::expiresAt)).toList(),
                tokens.stream().filter(token -> usable(token) && idleSince(token).isBefore(unusedBefore))
                        .sorted(Comparator.comparing(TokenFigures::idleSince)).toList(),
                tokens.stream().filter(token -> token.state() == TokenState.SUSPENDED).toList());
    }

    /** Since when the token has not been used: its last API call, or its issue if it was never used. */
    static Instant idleSince(IssuedToken token) {
        return token.lastUsedAt() != null ? token.lastUsedAt() : token.issuedAt();
    }

    private static boolean expiresWithin(IssuedToken token, Instant now, int days) {
        return token.state().isLive() && token.expiresAt().isBefore(now.plus(Duration.ofDays(days)));
    }

    /** Live and not suspended: a suspended token cannot be used, and is listed as such. */
    private static boolean usable(IssuedToken token) {
        return token.state() == TokenState.ACTIVE || token.state() == TokenState.QA_ACTIVE;
    }

    private static StateCount count(String label, List<IssuedToken> tokens) {
        return new StateCount(label, tokens.stream().filter(token -> token.environment() == RedcapEnvironment.QA).count(),
                tokens.stream().filter(token -> token.environment() == RedcapEnvironment.PROD).count());
    }
}
