package org.tokengov.registry;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * Which tokens a report of {@link TokenReports} covers: one holder's or everyone's ({@code holder} null), and
 * optionally one environment and project; {@code states} lists the states admitted (all of them: any state, none:
 * no token at all).
 */
public record TokenSelection(String holder, RedcapEnvironment environment, Long projectId, Set<TokenState> states) {

    public TokenSelection {
        states = Collections.unmodifiableSet(states.isEmpty() ? EnumSet.noneOf(TokenState.class) : EnumSet.copyOf(states));
    }

    /** {@code state} null for any state. */
    public static TokenSelection of(String holder, RedcapEnvironment environment, Long projectId, TokenState state) {
        return new TokenSelection(holder, environment, projectId,
                state == null ? EnumSet.allOf(TokenState.class) : EnumSet.of(state));
    }

    /** The same tokens, only those in one of {@code admitted} (none if this selection admits none of them). */
    public TokenSelection narrowedTo(Set<TokenState> admitted) {
        Set<TokenState> both = EnumSet.noneOf(TokenState.class);
        both.addAll(states);
        both.retainAll(admitted);
        return new TokenSelection(holder, environment, projectId, both);
    }

    boolean anyState() {
        return states.size() == TokenState.values().length;
    }
}
