package org.tokengov.offboarding;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RateBudget;
import org.tokengov.redcap.RateBudgets;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * How long revocations wait at {@code Timer_NextBudgetWindow} when the REDCap rate budget is spent: until the next
 * call of its server's budget frees, spread over a few seconds, as every other step refused by a spent budget waits
 * ({@link RateBudget#laterWindowWait(Duration)}).
 */
@Component("budgetWindowWait")
public class BudgetWindowWait {

    private final OffboardingScope scope;
    private final TokenRegistry registry;
    private final RateBudgets budgets;

    BudgetWindowWait(OffboardingScope scope, TokenRegistry registry, RateBudgets budgets) {
        this.scope = scope;
        this.registry = registry;
        this.budgets = budgets;
    }

    /**
     * An ISO 8601 duration for the timer of an offboarding's revocations: until every server whose tokens still wait
     * for REDCap has a call free.
     */
    public String forOffboarding(String eventId) {
        Set<RedcapEnvironment> waiting = scope.tokenIds(eventId).stream().map(registry::find).flatMap(Optional::stream)
                .filter(token -> token.state().stillToRevoke())
                .map(IssuedToken::environment)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RedcapEnvironment.class)));
        return waiting.stream().map(this::wait).max(Duration::compareTo).orElseGet(RateBudget::laterWindowWait)
                .toString();
    }

    /**
     * An ISO 8601 duration for the timer of one token's revocation, in the diagram of earlier releases (one job per
     * token), kept for its instances still running.
     */
    public String next(String tokenId) {
        return registry.find(tokenId).map(token -> wait(token.environment())).orElseGet(RateBudget::laterWindowWait)
                .toString();
    }

    private Duration wait(RedcapEnvironment environment) {
        try {
            return RateBudget.laterWindowWait(budgets.of(environment).untilNextSlot());
        } catch (RedcapUnavailableException unreadable) {
            // The shared budget could not be read: wait as if its next call were unknown, rather than fail.
            return RateBudget.laterWindowWait();
        }
    }
}
