package org.tokengov.redcap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of REDCap's log tables holds a project's events: the one {@code redcap_projects.log_event_table} names
 * ({@code redcap_log_event2} … {@code redcap_log_event12} for newer projects), {@code redcap_log_event} for events
 * without a project (project id 0) and for projects that name none.
 */
final class RedcapLogTables {

    static final String DEFAULT = "redcap_log_event";

    private static final Pattern LOG_TABLE = Pattern.compile("redcap_log_event([2-9]|1[0-2])?");

    private RedcapLogTables() {
    }

    /** The table's name, checked against REDCap's pattern: it goes into SQL text, as a table name cannot be bound. */
    static String of(Connection connection, long projectId) throws SQLException {
        return projectId == 0 ? DEFAULT : ofProject(connection, projectId).orElse(DEFAULT);
    }

    /** The table of a project REDCap has; empty if it has no such project (yet). */
    static Optional<String> ofProject(Connection connection, long projectId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT log_event_table FROM redcap_projects WHERE project_id = ?")) {
            select.setLong(1, projectId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String table = rows.getString(1);
                if (table == null || table.isBlank()) {
                    return Optional.of(DEFAULT);
                }
                if (!LOG_TABLE.matcher(table).matches()) {
                    throw new RedcapException("Project " + projectId + " names an unknown log table");
                }
                return Optional.of(table);
            }
        }
    }
}
