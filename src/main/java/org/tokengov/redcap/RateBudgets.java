package org.tokengov.redcap;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One {@link RateBudget} per configured REDCap server, sized by its {@code rate-budget-per-minute}.
 * Every HTTP call to REDCap takes a permit from its environment's budget first.
 */
@Component
public class RateBudgets {

    /**
     * How long a caller may wait for a slot before it is refused and its job retried later. Short, so a burst
     * does not park the job executor's few threads; long enough to smooth ordinary bursts.
     */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    private final Map<RedcapEnvironment, RateBudget> budgets;

    @Autowired
    public RateBudgets(RedcapProperties properties) {
        this(properties, RateBudget.WINDOW, DEFAULT_MAX_WAIT, TimeSource.SYSTEM);
    }

    RateBudgets(RedcapProperties properties, Duration window, Duration maxWait, TimeSource time) {
        Map<RedcapEnvironment, RateBudget> byEnvironment = new EnumMap<>(RedcapEnvironment.class);
        properties.environments().forEach((environment, server) -> byEnvironment.put(environment,
                new RateBudget(environment.name(), server.rateBudgetPerMinute(), window, maxWait, time)));
        this.budgets = Collections.unmodifiableMap(byEnvironment);
    }

    /** The budget of the environment's REDCap server. */
    public RateBudget of(RedcapEnvironment environment) {
        RateBudget budget = budgets.get(environment);
        if (budget == null) {
            throw new IllegalStateException("No REDCap server configured for " + environment
                    + " (tokengov.redcap.environments." + environment.name().toLowerCase() + ")");
        }
        return budget;
    }

    @Override
    public String toString() {
        return "RateBudgets" + budgets.values();
    }
}
