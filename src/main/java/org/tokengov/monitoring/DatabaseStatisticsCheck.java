package org.tokengov.monitoring;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start when PostgreSQL keeps no statistics by itself (autovacuum off). Every revocation, suspension and
 * report reaches the token's lifecycle by a message correlated on the token's id; without statistics the planner
 * finds that lifecycle by scanning every subscription to the message, about a hundred times slower with a few
 * thousand lifecycles, and offboardings queue (docs/operator-guide.md, "Keep PostgreSQL's autovacuum on"). A warning,
 * not a refusal: a DBA may run ANALYZE instead.
 */
@Component
class DatabaseStatisticsCheck {

    static final String WARNING = "PostgreSQL's autovacuum is off: without fresh statistics, finding a token's"
            + " lifecycle scans every lifecycle and offboardings slow down. Turn autovacuum on, or run ANALYZE after"
            + " imports and regularly (operator guide, \"Keep PostgreSQL's autovacuum on\").";

    private static final Logger log = LoggerFactory.getLogger(DatabaseStatisticsCheck.class);

    private final JdbcTemplate jdbc;

    DatabaseStatisticsCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The warning, when the app's database is PostgreSQL with autovacuum off; empty otherwise (H2 included). */
    Optional<String> warning() {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
        if (!postgres) {
            return Optional.empty();
        }
        return "off".equalsIgnoreCase(jdbc.queryForObject("show autovacuum", String.class))
                ? Optional.of(WARNING) : Optional.empty();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWithoutStatistics() {
        try {
            warning().ifPresent(log::warn);
        } catch (DataAccessException unreadable) {
            // The readiness probe reports a database that does not answer; this check only advises.
            // The cause's type only: a driver's message may quote the connection URL.
            log.warn("Could not read PostgreSQL's autovacuum setting ({})",
                    unreadable.getMostSpecificCause().getClass().getSimpleName());
        }
    }
}
