package org.tokengov.redcapsim;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_projects}. */
final class Projects {

    private final JdbcTemplate jdbc;

    Projects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Project> find(int projectId) {
        return jdbc.query("SELECT project_id, app_title, status FROM redcap_projects WHERE project_id = ?",
                        (rs, row) -> new Project(rs.getInt("project_id"), rs.getString("app_title"), rs.getInt("status")),
                        projectId)
                .stream().findFirst();
    }

    /** @param status REDCap's: 0 development, 1 production, 2 analysis/cleanup */
    record Project(int id, String title, int status) {

        boolean inProduction() {
            return status > 0;
        }
    }
}
