package org.tokengov.redcap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * One {@link RateBudget} per configured REDCap server, sized by its {@code rate-budget-per-minute}.
 * Every HTTP call to REDCap takes a permit from its environment's budget first.
 *
 * <p>{@code tokengov.redcap.shared-budget} says where the budgets count: {@code auto} (the default) shares them
 * through the app's database when it is PostgreSQL, so all replicas together stay within each server's budget, and
 * keeps them in this JVM otherwise (the embedded H2 default runs one node); {@code on} requires PostgreSQL;
 * {@code off} counts per JVM, right only for a single replica.
 */
@Component
public class RateBudgets implements AutoCloseable {

    /**
     * How long a caller may wait for a slot before it is refused and its job retried later. Short, so a burst
     * does not park the job executor's few threads; long enough to smooth ordinary bursts.
     */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    /** Where the budgets count ({@code tokengov.redcap.shared-budget}). */
    public enum Sharing { AUTO, ON, OFF }

    /**
     * The shared budgets' own connections: each permit is a transaction of its own, committed whatever the caller's
     * transaction does, and a job thread holding one of the app's connections never waits for a second from its pool.
     */
    private static final int SHARED_POOL_SIZE = 4;

    private final Map<RedcapEnvironment, RateBudget> budgets;
    private final HikariDataSource sharedPool;

    /** Budgets of this JVM only. */
    public RateBudgets(RedcapProperties properties) {
        this(properties, RateBudget.WINDOW, DEFAULT_MAX_WAIT, TimeSource.SYSTEM);
    }

    RateBudgets(RedcapProperties properties, Duration window, Duration maxWait, TimeSource time) {
        this(properties, (name, permits) -> new RateBudget(name, permits, window, maxWait, time), null);
    }

    @Autowired
    RateBudgets(RedcapProperties properties, DataSourceProperties database,
            @Value("${tokengov.redcap.shared-budget:auto}") Sharing sharing) {
        this(properties, sharedPool(properties, database, sharing));
    }

    private RateBudgets(RedcapProperties properties, HikariDataSource pool) {
        this(properties, pool == null
                ? (name, permits) -> new RateBudget(name, permits, DEFAULT_MAX_WAIT)
                : (name, permits) -> new RateBudget(
                        new DatabaseCallStartLog(pool, name, permits, RateBudget.WINDOW, DEFAULT_MAX_WAIT)), pool);
    }

    private RateBudgets(RedcapProperties properties, BiFunction<String, Integer, RateBudget> budget,
            HikariDataSource sharedPool) {
        Map<RedcapEnvironment, RateBudget> byEnvironment = new EnumMap<>(RedcapEnvironment.class);
        properties.environments().forEach((environment, server) -> byEnvironment.put(environment,
                budget.apply(environment.name(), server.rateBudgetPerMinute())));
        this.budgets = Collections.unmodifiableMap(byEnvironment);
        this.sharedPool = sharedPool;
    }

    /** A pool on the app's database if the budgets are shared, else null. */
    private static HikariDataSource sharedPool(RedcapProperties properties, DataSourceProperties database,
            Sharing sharing) {
        String url = database.determineUrl();
        boolean postgres = url != null && url.startsWith("jdbc:postgresql:");
        if (sharing == Sharing.ON && !postgres) {
            throw new IllegalStateException("tokengov.redcap.shared-budget=on needs the app's database on PostgreSQL;"
                    + " use auto or off with another database (one node only)");
        }
        if (sharing == Sharing.OFF || !postgres || properties.environments().isEmpty()) {
            return null;
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("redcap-rate-budget");
        config.setJdbcUrl(url);
        config.setUsername(database.determineUsername());
        config.setPassword(database.determinePassword());
        config.setMaximumPoolSize(SHARED_POOL_SIZE);
        config.setMinimumIdle(0);
        config.setIdleTimeout(30_000);
        config.setConnectionTimeout(DEFAULT_MAX_WAIT.toMillis());
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
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

    /** Whether the budgets are shared with other replicas through the database. */
    public boolean shared() {
        return sharedPool != null;
    }

    @Override
    public void close() {
        if (sharedPool != null) {
            sharedPool.close();
        }
    }

    @Override
    public String toString() {
        return "RateBudgets" + budgets.values();
    }
}
