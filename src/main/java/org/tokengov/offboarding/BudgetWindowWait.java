package org.tokengov.offboarding;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * How long a revocation waits when the REDCap rate budget is spent: about half a budget window, spread at random
 * so that hundreds of waiting revocations do not all come back in the same second.
 */
@Component("budgetWindowWait")
public class BudgetWindowWait {

    static final Duration SHORTEST = Duration.ofSeconds(15);
    static final Duration SPREAD = Duration.ofSeconds(30);

    /** An ISO 8601 duration for the timer. */
    public String next() {
        return SHORTEST.plusMillis(ThreadLocalRandom.current().nextLong(SPREAD.toMillis())).toString();
    }
}
