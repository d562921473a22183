package org.tokengov.redcapsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** REDCap's audit trail of a server: {@code redcap_log_event} and the other log tables projects may use. */
final class LogEvents {

    /** {@code description} is varchar(100) (REDCAP-FACTS.md 1). */
    private static final int DESCRIPTION_LENGTH = 100;

    private final JdbcTemplate jdbc;
    private final SimulatorClock clock;
    private final Projects projects;

    LogEvents(JdbcTemplate jdbc, SimulatorClock clock, Projects projects) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.projects = projects;
    }

    /** Into the project's log table (project 0: the default one), stamped NOW in server time; empty text is NULL. */
    void append(LogEvent event) {
        String table = event.projectId() == 0 ? LogTables.DEFAULT : projects.logTable(event.projectId());
        jdbc.update("INSERT INTO " + table + " (project_id, ts, user, ip, page, event, object_type, pk, event_id,"
                        + " data_values, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.projectId(), RedcapTimestamps.toTs(clock.now()), orNull(event.user()), orNull(event.ip()),
                orNull(event.page()), event.event(), orNull(event.objectType()), orNull(event.pk()), event.eventId(),
                orNull(event.dataValues()), description(event.description()));
    }

    /** Newest first, from the table the project logs into. */
    List<StoredLogEvent> find(int projectId, LogFilter filter) {
        Optional<Projects.Project> project = projects.find(projectId);
        String table = project.map(Projects.Project::logEventTable).orElse(LogTables.DEFAULT);
        LogFilter.Where where = filter.where(projectId, table,
                project.map(Projects.Project::creationTime).orElse(null));
        return jdbc.query("SELECT ts, " + table + ".user AS username, event, object_type, pk, data_values, description,"
                        + " change_reason FROM " + table + " WHERE " + where.sql() + " ORDER BY ts DESC, log_event_id DESC",
                (rs, row) -> new StoredLogEvent(rs.getLong("ts"), rs.getString("username"), rs.getString("event"),
                        rs.getString("object_type"), rs.getString("pk"), rs.getString("data_values"),
                        rs.getString("description"), rs.getString("change_reason")),
                where.arguments().toArray());
    }

    /** Records of the project with a create or update logged in the range (server time, both ends included). */
    List<String> recordsChangedBetween(int projectId, Long fromTs, Long toTs) {
        String table = projects.logTable(projectId);
        StringBuilder sql = new StringBuilder("SELECT DISTINCT pk FROM " + table + " WHERE project_id = ?"
                + " AND object_type = 'redcap_data' AND event IN ('INSERT', 'UPDATE')");
        List<Object> arguments = new ArrayList<>(List.of(projectId));
        if (fromTs != null) {
            sql.append(" AND ts >= ?");
            arguments.add(fromTs);
        }
        if (toTs != null) {
            sql.append(" AND ts <= ?");
            arguments.add(toTs);
        }
        return jdbc.queryForList(sql.toString(), String.class, arguments.toArray());
    }

    private static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Cut to the column's width, which a longer text would overflow in MariaDB's strict mode. */
    private static String description(String text) {
        String description = orNull(text);
        return description == null || description.length() <= DESCRIPTION_LENGTH ? description
                : description.substring(0, DESCRIPTION_LENGTH);
    }
}
