package org.tokengov.redcapsim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_user_rights}: who is on a project, with which rights and token. */
final class ProjectUsers {

    private final JdbcTemplate jdbc;

    ProjectUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ProjectUser> list(int projectId) {
        return jdbc.query("""
                        SELECT ur.username, ui.user_email, ui.user_firstname, ui.user_lastname, ur.expiration,
                               ur.user_rights, ur.api_export, ur.api_import, ur.mobile_app, ur.data_logging
                        FROM redcap_user_rights ur
                        LEFT JOIN redcap_user_information ui ON ui.username = ur.username
                        WHERE ur.project_id = ?
                        ORDER BY ur.username""",
                (rs, row) -> new ProjectUser(
                        rs.getString("username"),
                        rs.getString("user_email"),
                        rs.getString("user_firstname"),
                        rs.getString("user_lastname"),
                        rs.getObject("expiration", LocalDate.class),
                        rs.getInt("user_rights"),
                        rs.getInt("api_export"),
                        rs.getInt("api_import"),
                        rs.getInt("mobile_app"),
                        rs.getInt("data_logging")),
                projectId);
    }

    boolean isOnProject(int projectId, String username) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = ? AND username = ?",
                Integer.class, projectId, username);
        return count > 0;
    }

    /** Adds the user with the given attributes (the rest none), or changes just those attributes. */
    Applied apply(int projectId, UserRightsChange change) {
        if (isOnProject(projectId, change.username())) {
            update(projectId, change);
            return Applied.UPDATED;
        }
        insert(projectId, change);
        return Applied.ADDED;
    }

    private void insert(int projectId, UserRightsChange change) {
        List<String> columns = new ArrayList<>(List.of("project_id", "username"));
        List<Object> arguments = new ArrayList<>(List.of(projectId, change.username()));
        change.values().forEach((field, value) -> {
            columns.add(field.column());
            arguments.add(value);
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

    /** Removes the user from the project; their token goes with the row. */
    void remove(int projectId, String username) {
        jdbc.update("DELETE FROM redcap_user_rights WHERE project_id = ? AND username = ?", projectId, username);
    }

    Optional<String> token(int projectId, String username) {
        return jdbc.queryForList("SELECT api_token FROM redcap_user_rights WHERE project_id = ? AND username = ?"
                        + " AND api_token IS NOT NULL", String.class, projectId, username)
                .stream().findFirst();
    }

    enum Applied { ADDED, UPDATED }
}
