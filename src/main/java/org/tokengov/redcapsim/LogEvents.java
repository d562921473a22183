package org.tokengov.redcapsim;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_log_event}: REDCap's audit trail of a server. */
final class LogEvents {

    private final JdbcTemplate jdbc;
    private final SimulatorClock clock;

    LogEvents(JdbcTemplate jdbc, SimulatorClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void append(LogEvent event) {
        jdbc.update("INSERT INTO redcap_log_event (project_id, ts, user, page, event, object_type, pk, description)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.projectId(), RedcapTimestamps.toTs(clock.now()), event.username(), LogEvent.API_PAGE,
                event.event(), event.objectType(), event.pk(), event.description());
    }

    /** Newest first. */
    List<StoredLogEvent> find(int projectId, LogFilter filter) {
        LogFilter.Where where = filter.where(projectId);
        return jdbc.query("SELECT ts, redcap_log_event.user AS username, event, object_type, pk, description"
                        + " FROM redcap_log_event WHERE "
                        + where.sql() + " ORDER BY ts DESC, log_event_id DESC",
                (rs, row) -> new StoredLogEvent(rs.getLong("ts"), rs.getString("username"), rs.getString("event"),
                        rs.getString("object_type"), rs.getString("pk"), rs.getString("description")),
                where.arguments().toArray());
    }
}
