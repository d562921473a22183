package org.tokengov.offboarding;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RateBudget;
import org.tokengov.redcap.RateBudgets;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.registry.TokenRegistry;

/**
 * How long a revocation waits at {@code Timer_NextBudgetWindow} when the REDCap rate budget is spent: until the next
 * call of its server's budget frees, spread over a few seconds, as every other step refused by a spent budget waits
 * ({@link RateBudget#laterWindowWait(Duration)}).
 */
@Component("budgetWindowWait")
public class BudgetWindowWait {

    private final TokenRegistry registry;
    private final RateBudgets budgets;

    BudgetWindowWait(TokenRegistry registry, RateBudgets budgets) {
        this.registry = registry;
        this.budgets = budgets;
    }

    /** An ISO 8601 duration for the timer of the token's revocation. */
    public String next(String tokenId) {
        return registry.find(tokenId).map(token -> {
            try {
                return RateBudget.laterWindowWait(budgets.of(token.environment()).untilNextSlot());
            } catch (RedcapUnavailableException unreadable) {
                // The shared budget could not be read: wait as if its next call were unknown, rather than fail.
                return RateBudget.laterWindowWait();
            }
        }).orElseGet(RateBudget::laterWindowWait).toString();
    }
}
