package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.TokenReports;
import org.tokengov.registry.TokenSelection;
import org.tokengov.registry.TokenState;

/**
 * The dashboard's figures over the tokens a viewer may see, at a moment: counts by state and environment, how many
 * live tokens expire within each window, and how many are unused or suspended. "Unused" means no API call for
 * {@value #UNUSED_MONTHS} months or more (the last use the inactivity sweep read from REDCap's log, else the issue
 * date), among tokens that can be used (live, not suspended): a month before the policy's six months of disuse revoke
 * the token. Counted by the database: three queries, whatever the number of tokens.
 */
record TokenFigures(
        List<StateCount> byState,
        StateCount total,
        List<ExpiryWindow> expiryWindows,
        long unused,
        long suspended) {

    static final List<Integer> EXPIRY_WINDOW_DAYS = List.of(30, 60, 90);
    static final int UNUSED_MONTHS = 5;
    /** Live and not suspended: a suspended token cannot be used, and is listed as such. */
    static final Set<TokenState> USABLE = EnumSet.of(TokenState.ACTIVE, TokenState.QA_ACTIVE);

    /** {@code key}: the state's name, for machines ({@code data-state}); {@code label}: its words. */
    record StateCount(String key, String label, long qa, long prod, long total) {

        StateCount(String key, String label, long qa, long prod) {
            this(key, label, qa, prod, qa + prod);
        }
    }

    /** Live tokens whose expiry falls before {@code days} from now, including any already past it but not yet ended. */
    record ExpiryWindow(int days, long tokens) {
    }

    static TokenFigures read(TokenReports reports, TokenSelection visible, Instant now) {
        return of(reports.countByEnvironmentAndState(visible),
                reports.countExpiringBefore(visible.narrowedTo(TokenState.LIVE),
                        EXPIRY_WINDOW_DAYS.stream().map(days -> expiryDeadline(now, days)).toList()),
                reports.countIdleSince(visible.narrowedTo(USABLE), unusedBefore(now)));
    }

    /** {@code expiring}: the count of each window of {@link #EXPIRY_WINDOW_DAYS}, in order. */
    static TokenFigures of(Map<RedcapEnvironment, Map<TokenState, Long>> counts, List<Long> expiring, long unused) {
        List<StateCount> byState = Arrays.stream(TokenState.values())
                .map(state -> new StateCount(state.name(), Readable.tokenState(state), counts.get(RedcapEnvironment.QA).get(state),
                        counts.get(RedcapEnvironment.PROD).get(state)))
                .toList();
        StateCount total = new StateCount("All", "All", byState.stream().mapToLong(StateCount::qa).sum(),
                byState.stream().mapToLong(StateCount::prod).sum());
        List<ExpiryWindow> windows = IntStream.range(0, EXPIRY_WINDOW_DAYS.size())
                .mapToObj(i -> new ExpiryWindow(EXPIRY_WINDOW_DAYS.get(i), expiring.get(i)))
                .toList();
        return new TokenFigures(byState, total, windows, unused, byState.get(TokenState.SUSPENDED.ordinal()).total());
    }

    /** Live tokens expiring before this are listed as expiring soon: the longest window's end. */
    static Instant expiringSoonDeadline(Instant now) {
        return expiryDeadline(now, EXPIRY_WINDOW_DAYS.get(EXPIRY_WINDOW_DAYS.size() - 1));
    }

    /** The number of tokens listed as expiring soon: the longest window's. */
    long expiringSoon() {
        return expiryWindows.get(expiryWindows.size() - 1).tokens();
    }

    /** Usable tokens idle since before this are unused. */
    static Instant unusedBefore(Instant now) {
        return now.atZone(ZoneOffset.UTC).minusMonths(UNUSED_MONTHS).toInstant();
    }

    private static Instant expiryDeadline(Instant now, int days) {
        return now.plus(Duration.ofDays(days));
    }
}
