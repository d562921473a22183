package org.tokengov.redcapsim;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives {@value DemoData#STEWARD}, the REDCap account this governance app uses, its configured token
 * and the rights it needs on each configured project. The configuration wins over what a file
 * database remembers, so that changing a steward token takes effect on the next start.
 */
final class StewardAccess {

    private static final Logger log = LoggerFactory.getLogger(StewardAccess.class);

    private final JdbcTemplate jdbc;
    private final String environment;

    StewardAccess(JdbcTemplate jdbc, String environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    void grant(Map<Integer, String> tokensByProject) {
        if (tokensByProject.isEmpty()) {
            return;
        }
        new DemoData(jdbc).addPersonIfMissing(DemoData.steward());
        tokensByProject.forEach(this::grant);
    }

    private void grant(int projectId, String token) {
        Integer projects = jdbc.queryForObject(
                "SELECT COUNT(*) FROM redcap_projects WHERE project_id = ?", Integer.class, projectId);
        if (projects == 0) {
            log.warn("REDCap simulator '{}': no project {}, so no steward token for it", environment, projectId);
            return;
        }
        try {
            int updated = jdbc.update("UPDATE redcap_user_rights SET api_token = ?, api_export = 1, api_import = 1,"
                    + " user_rights = 1, data_logging = 1 WHERE project_id = ? AND username = ?",
                    token, projectId, DemoData.STEWARD);
            if (updated == 0) {
                jdbc.update("INSERT INTO redcap_user_rights (project_id, username, api_token, api_export, api_import,"
                        + " user_rights, data_logging) VALUES (?, ?, ?, 1, 1, 1, 1)", projectId, DemoData.STEWARD, token);
            }
        } catch (DataIntegrityViolationException e) {
            // Not chained: the database's message would quote the token.
            throw new IllegalStateException("REDCap simulator '" + environment + "': the steward token of project "
                    + projectId + " is already another user's token");
        }
    }
}
