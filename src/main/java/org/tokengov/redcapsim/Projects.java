package org.tokengov.redcapsim;

import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_projects}. */
final class Projects {

    private final JdbcTemplate jdbc;

    Projects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Project> find(int projectId) {
        return jdbc.query("""
                        SELECT project_id, app_title, status, creation_time, production_time, completed_time, date_deleted,
                               log_event_table, project_contact_email, require_change_reason, project_pi_firstname,
                               project_pi_lastname
                        FROM redcap_projects WHERE project_id = ?""",
                        (row, number) -> new Project(
                                row.getInt("project_id"),
                                row.getString("app_title"),
                                row.getInt("status"),
                                row.getObject("creation_time", LocalDateTime.class),
                                row.getObject("production_time", LocalDateTime.class),
                                row.getObject("completed_time", LocalDateTime.class),
                                row.getObject("date_deleted", LocalDateTime.class),
                                LogTables.ofProject(row.getString("log_event_table")),
                                row.getString("project_contact_email"),
                                row.getInt("require_change_reason") == 1,
                                row.getString("project_pi_firstname"),
                                row.getString("project_pi_lastname")),
                        projectId)
                .stream().findFirst();
    }

    /** The project's log table; a project REDCap does not have logs into the default one. */
    String logTable(int projectId) {
        return find(projectId).map(Project::logEventTable).orElse(LogTables.DEFAULT);
    }

    /**
     * @param status REDCap's: 0 development, 1 production, 2 analysis/cleanup (REDCAP-FACTS.md 4)
     * @param logEventTable one of {@link LogTables#ALL}
     */
    record Project(
            int id,
            String title,
            int status,
            LocalDateTime creationTime,
            LocalDateTime productionTime,
            LocalDateTime completedTime,
            LocalDateTime dateDeleted,
            String logEventTable,
            String contactEmail,
            boolean requiresChangeReason,
            String piFirstName,
            String piLastName) {

        static final int ANALYSIS_CLEANUP = 2;

        boolean inProduction() {
            return status > 0;
        }

        boolean deleted() {
            return dateDeleted != null;
        }

        boolean completed() {
            return completedTime != null;
        }
    }
}
