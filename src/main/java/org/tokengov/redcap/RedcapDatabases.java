package org.tokengov.redcap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The connection pools to REDCap's own databases, one per environment in {@link TokenAdministrationMode#DATABASE}.
 * Deliberately not Spring beans of type {@link DataSource}: one would switch off Boot's auto-configured
 * primary DataSource (the app's own database). The owner closes them on shutdown.
 *
 * <p>Pools are small (token administration is rare) and start without connecting, so a REDCap database that is
 * down at start-up does not stop the app: the first write then fails with {@link RedcapUnavailableException}
 * and its job retries.
 */
final class RedcapDatabases implements AutoCloseable {

    private static final int MAX_POOL_SIZE = 2;

    private final Map<RedcapEnvironment, HikariDataSource> pools;

    RedcapDatabases(RedcapProperties properties) {
        Map<RedcapEnvironment, HikariDataSource> byEnvironment = new EnumMap<>(RedcapEnvironment.class);
        try {
            properties.environments().forEach((environment, server) -> {
                if (server.tokenAdministration() == TokenAdministrationMode.DATABASE) {
                    byEnvironment.put(environment, pool(environment, server));
                }
            });
        } catch (RuntimeException e) {
            byEnvironment.values().forEach(HikariDataSource::close);
            throw e;
        }
        this.pools = Collections.unmodifiableMap(byEnvironment);
    }

    private static HikariDataSource pool(RedcapEnvironment environment, RedcapProperties.Server server) {
        RedcapProperties.Database database = server.database();
        HikariConfig config = new HikariConfig();
        config.setPoolName("redcap-db-" + environment.name().toLowerCase());
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(0);
        // Used now and then: a connection left idle is given back to REDCap's database soon.
        config.setIdleTimeout(30_000);
        config.setConnectionTimeout(Math.max(250, server.connectTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(5_000, server.connectTimeout().toMillis())));
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    /** The pool of an environment in DATABASE mode. */
    DataSource of(RedcapEnvironment environment) {
        HikariDataSource pool = pools.get(environment);
        if (pool == null) {
            throw new RedcapException("REDCap " + environment + " is not configured for DATABASE token administration"
                    + " (tokengov.redcap.environments." + environment.name().toLowerCase()
                    + ".token-administration): its tokens cannot be written through the database");
        }
        return pool;
    }

    /**
     * One read of the environment's REDCap database: a connection of the pool, read-only, rolled back after; an SQL
     * failure becomes {@link RedcapUnavailableException} saying what could not be read (its message redacted).
     */
    <T> T read(RedcapEnvironment environment, String what, Reading<T> reading) {
        try (Connection connection = of(environment).getConnection()) {
            connection.setReadOnly(true);
            try {
                return reading.read(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new RedcapUnavailableException("Could not " + what + " in REDCap " + environment + "'s database: "
                    + DatabaseTokenAdministration.redact(e.getMessage()));
        }
    }

    @FunctionalInterface
    interface Reading<T> {
        T read(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
    }

    @Override
    public String toString() {
        return "RedcapDatabases" + pools.keySet();
    }
}
