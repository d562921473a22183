package org.tokengov.redcap;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A project's users read from REDCap's own schema, as REDCap's user export shows them: a user role's rights win over the
 * user's own row. The database mode reads them here, so the system needs no API token of its own on the project.
 * Reads take no rate-budget permits: SQL does not reach REDCap's HTTP rate limiter.
 */
@Component
public class DatabaseProjectUsers {

    private static final String PROJECT_USERS = """
            SELECT ur.username, ui.user_email, ur.expiration,
                   COALESCE(r.api_export, ur.api_export), COALESCE(r.api_import, ur.api_import),
                   COALESCE(r.mobile_app, ur.mobile_app), COALESCE(r.user_rights, ur.user_rights), r.role_name
            FROM redcap_user_rights ur
            LEFT JOIN redcap_user_roles r ON r.role_id = ur.role_id
            LEFT JOIN redcap_user_information ui ON LOWER(ui.username) = LOWER(ur.username)
            WHERE ur.project_id = ?""";

    /**
     * The projects whose users a person manages: full User Rights (the role's level wins over the user row), access not
     * expired by {@code day} (REDCap refuses a user on their expiration date), and the account not suspended.
     */
    private static final String MANAGED_BY = """
            SELECT ur.project_id
            FROM redcap_user_rights ur
            LEFT JOIN redcap_user_roles r ON r.role_id = ur.role_id
            LEFT JOIN redcap_user_information ui ON LOWER(ui.username) = LOWER(ur.username)
            WHERE LOWER(ur.username) = LOWER(?) AND COALESCE(r.user_rights, ur.user_rights) = 1
              AND (ur.expiration IS NULL OR ur.expiration > ?) AND ui.user_suspended_time IS NULL
            ORDER BY ur.project_id""";

    private final RedcapDatabases databases;

    public DatabaseProjectUsers(DatabaseTokenAdministration administration) {
        this.databases = administration.databases();
    }

    /**
     * Whether REDCap's database answers a read of its projects table, for health checks of a server this system
     * reaches only through its database.
     */
    public boolean databaseAnswers(RedcapEnvironment environment) {
        return databases.read(environment, "read its projects", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM redcap_projects");
                    ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        });
    }

    public List<RedcapProjectUser> of(RedcapEnvironment environment, long projectId) {
        return read(environment, projectId, null);
    }

    public Optional<RedcapProjectUser> find(RedcapEnvironment environment, long projectId, String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A username is needed to look up a project user");
        }
        return read(environment, projectId, username.trim()).stream().findFirst();
    }

    /** The projects whose User Rights the person manages in full on {@code day}, in one read ({@link #MANAGED_BY}). */
    public List<Long> managedBy(RedcapEnvironment environment, String username, LocalDate day) {
        return databases.read(environment, "read the projects a user manages", connection -> {
            try (PreparedStatement select = connection.prepareStatement(MANAGED_BY)) {
                select.setString(1, username);
                select.setDate(2, Date.valueOf(day));
                List<Long> projects = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        projects.add(rows.getLong(1));
                    }
                }
                return projects;
            }
        });
    }

    private List<RedcapProjectUser> read(RedcapEnvironment environment, long projectId, String username) {
        return databases.read(environment, "read the users of project " + projectId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    username == null ? PROJECT_USERS : PROJECT_USERS + " AND LOWER(ur.username) = LOWER(?)")) {
                select.setLong(1, projectId);
                if (username != null) {
                    select.setString(2, username);
                }
                return users(select);
            }
        });
    }

    private static List<RedcapProjectUser> users(PreparedStatement select) throws SQLException {
        List<RedcapProjectUser> users = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Date expiration = rows.getDate(3);
                String email = rows.getString(2);
                // user_rights is a level: 1 full access manages the project's users; 2 is read-only.
                users.add(new RedcapProjectUser(rows.getString(1), email == null || email.isBlank() ? null : email,
                        expiration == null ? null : expiration.toLocalDate(), rows.getInt(4) == 1, rows.getInt(5) == 1,
                        rows.getInt(6) == 1, rows.getInt(7) == 1, rows.getString(8)));
            }
        }
        return users;
    }
}
