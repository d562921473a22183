package org.tokengov.redcapsim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_user_rights}: who is on a project, with which rights, role and token. */
final class ProjectUsers {

    /** The user row and, when the user is in a role, the role: rights of both, so that the role's can win. */
    private static final String SELECT = "SELECT ur.username, ur.expiration, ur.role_id, ur.group_id,"
            + " ui.user_email, ui.user_firstname, ui.user_lastname, r.unique_role_name, r.role_id AS r_role_id, "
            + Rights.select("ur", "u_") + ", " + Rights.select("r", "r_")
            + " FROM redcap_user_rights ur"
            + " LEFT JOIN redcap_user_information ui ON ui.username = ur.username"
            + " LEFT JOIN redcap_user_roles r ON r.role_id = ur.role_id AND r.project_id = ur.project_id";

    private final JdbcTemplate jdbc;

    ProjectUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ProjectUser> list(int projectId) {
        return jdbc.query(SELECT + " WHERE ur.project_id = ? ORDER BY ur.username", (row, number) -> read(row), projectId);
    }

    Optional<ProjectUser> find(int projectId, String username) {
        return jdbc.query(SELECT + " WHERE ur.project_id = ? AND ur.username = ?", (row, number) -> read(row),
                projectId, username).stream().findFirst();
    }

    boolean isOnProject(int projectId, String username) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = ? AND username = ?",
                Integer.class, projectId, username);
        return count > 0;
    }

    /**
     * Adds the user with the given attributes, every other right none (the table's defaults would give new rows User
     * Rights and Logging, as REDCap's do), or changes just the given attributes of a user already on the project.
     */
    Applied apply(int projectId, UserRightsChange change) {
        if (isOnProject(projectId, change.username())) {
            update(projectId, change);
            return Applied.UPDATED;
        }
        insert(projectId, change);
        return Applied.ADDED;
    }

    private void insert(int projectId, UserRightsChange change) {
        List<String> columns = new ArrayList<>(List.of("project_id", "username", "user_rights", "data_logging"));
        List<Object> arguments = new ArrayList<>(List.of(projectId, change.username(),
                change.values().getOrDefault(UserRightsField.USER_RIGHTS, 0),
                change.values().getOrDefault(UserRightsField.LOGGING, 0)));
        change.values().forEach((field, value) -> {
            if (field != UserRightsField.USER_RIGHTS && field != UserRightsField.LOGGING) {
                columns.add(field.column());
                arguments.add(value);
            }
        });
        String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
        jdbc.update("INSERT INTO redcap_user_rights (" + String.join(", ", columns) + ") VALUES (" + marks + ")",
                arguments.toArray());
    }

    private void update(int projectId, UserRightsChange change) {
        if (change.values().isEmpty()) {
            return;
        }
        StringJoiner assignments = new StringJoiner(", ");
        List<Object> arguments = new ArrayList<>();
        change.values().forEach((field, value) -> {
            assignments.add(field.column() + " = ?");
            arguments.add(value);
        });
        arguments.add(projectId);
        arguments.add(change.username());
        jdbc.update("UPDATE redcap_user_rights SET " + assignments + " WHERE project_id = ? AND username = ?",
                arguments.toArray());
    }

    /** Puts the user in the role, or with {@code null} takes them out of theirs. */
    void assignRole(int projectId, String username, Integer roleId) {
        jdbc.update("UPDATE redcap_user_rights SET role_id = ? WHERE project_id = ? AND username = ?",
                roleId, projectId, username);
    }

    int membersOfRole(int roleId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE role_id = ?", Integer.class, roleId);
    }

    /** Removes the user from the project; their token goes with the row. */
    void remove(int projectId, String username) {
        jdbc.update("DELETE FROM redcap_user_rights WHERE project_id = ? AND username = ?", projectId, username);
    }

    Optional<String> token(int projectId, String username) {
        return jdbc.queryForList("SELECT api_token FROM redcap_user_rights WHERE project_id = ? AND username = ?"
                        + " AND api_token IS NOT NULL", String.class, projectId, username)
                .stream().findFirst();
    }

    /** Writes a new token value, or with {@code null} deletes the token; the rights stay as they are. */
    void setToken(int projectId, String username, String value) {
        jdbc.update("UPDATE redcap_user_rights SET api_token = ? WHERE project_id = ? AND username = ?",
                value, projectId, username);
    }

    boolean tokenExists(String value) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE api_token = ?", Integer.class, value) > 0;
    }

    private static ProjectUser read(ResultSet row) throws SQLException {
        Integer roleId = row.getObject("r_role_id") == null ? null : row.getInt("r_role_id");
        Integer groupId = row.getObject("group_id") == null ? null : row.getInt("group_id");
        return new ProjectUser(
                row.getString("username"),
                row.getString("user_email"),
                row.getString("user_firstname"),
                row.getString("user_lastname"),
                row.getObject("expiration", LocalDate.class),
                roleId,
                row.getString("unique_role_name"),
                groupId,
                Rights.effective(row, "u_", "r_", "r_role_id"));
    }

    enum Applied { ADDED, UPDATED }
}
