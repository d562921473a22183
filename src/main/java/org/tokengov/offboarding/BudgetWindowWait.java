package org.tokengov.offboarding;

import org.springframework.stereotype.Component;
import org.tokengov.redcap.RateBudget;

/**
 * How long a revocation waits at {@code Timer_NextBudgetWindow} when the REDCap rate budget is spent: the same wait as
 * every other step refused by a spent budget ({@link RateBudget#laterWindowWait()}).
 */
@Component("budgetWindowWait")
public class BudgetWindowWait {

    /** An ISO 8601 duration for the timer. */
    public String next() {
        return RateBudget.laterWindowWait().toString();
    }
}
