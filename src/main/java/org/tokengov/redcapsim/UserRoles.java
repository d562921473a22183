package org.tokengov.redcapsim;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code redcap_user_roles}: the roles of each project (REDCAP-FACTS.md 1). */
final class UserRoles {

    private static final String SELECT = "SELECT r.role_id, r.project_id, r.role_name, r.unique_role_name, "
            + Rights.select("r", "") + " FROM redcap_user_roles r";
    private static final String DIGITS = "0123456789";
    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    UserRoles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<UserRole> list(int projectId) {
        return jdbc.query(SELECT + " WHERE r.project_id = ? ORDER BY r.role_id", (row, number) -> read(row), projectId);
    }

    Optional<UserRole> findByUniqueName(int projectId, String uniqueRoleName) {
        return jdbc.query(SELECT + " WHERE r.project_id = ? AND r.unique_role_name = ?", (row, number) -> read(row),
                projectId, uniqueRoleName).stream().findFirst();
    }

    /** Role names are free text and need not be unique in REDCap: the oldest role of that name. */
    Optional<UserRole> findByName(int projectId, String roleName) {
        return jdbc.query(SELECT + " WHERE r.project_id = ? AND r.role_name = ? ORDER BY r.role_id",
                (row, number) -> read(row), projectId, roleName).stream().findFirst();
    }

    /** A new role with the given rights and every other right none; its unique name is made here. */
    UserRole create(int projectId, String roleName, Map<UserRightsField, Object> rights) {
        String uniqueRoleName = newUniqueRoleName(projectId);
        List<String> columns = new ArrayList<>(List.of("project_id", "role_name", "unique_role_name", "user_rights",
                "data_logging"));
        List<Object> arguments = new ArrayList<>(List.of(projectId, roleName, uniqueRoleName,
                rights.getOrDefault(UserRightsField.USER_RIGHTS, 0), rights.getOrDefault(UserRightsField.LOGGING, 0)));
        rights.forEach((field, value) -> {
            if (field != UserRightsField.USER_RIGHTS && field != UserRightsField.LOGGING && field.appliesToRoles()) {
                columns.add(field.column());
                arguments.add(value);
            }
        });
        jdbc.update("INSERT INTO redcap_user_roles (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")", arguments.toArray());
        return findByUniqueName(projectId, uniqueRoleName).orElseThrow();
    }

    /** Changes the role's name (when given) and just the given rights. */
    void update(int roleId, String roleName, Map<UserRightsField, Object> rights) {
        StringJoiner assignments = new StringJoiner(", ");
        List<Object> arguments = new ArrayList<>();
        if (roleName != null) {
            assignments.add("role_name = ?");
            arguments.add(roleName);
        }
        rights.forEach((field, value) -> {
            if (field.appliesToRoles()) {
                assignments.add(field.column() + " = ?");
                arguments.add(value);
            }
        });
        if (arguments.isEmpty()) {
            return;
        }
        arguments.add(roleId);
        jdbc.update("UPDATE redcap_user_roles SET " + assignments + " WHERE role_id = ?", arguments.toArray());
    }

    void delete(int roleId) {
        jdbc.update("DELETE FROM redcap_user_roles WHERE role_id = ?", roleId);
    }

    /** {@code U-} + 3 digits + 7 alphanumeric characters, as REDCap names roles (REDCAP-FACTS.md 1). */
    static String randomUniqueRoleName() {
        StringBuilder name = new StringBuilder("U-");
        for (int i = 0; i < 3; i++) {
            name.append(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        }
        for (int i = 0; i < 7; i++) {
            name.append(ALPHANUMERICS.charAt(RANDOM.nextInt(ALPHANUMERICS.length())));
        }
        return name.toString();
    }

    private String newUniqueRoleName(int projectId) {
        while (true) {
            String name = randomUniqueRoleName();
            if (findByUniqueName(projectId, name).isEmpty()) {
                return name;
            }
        }
    }

    private static UserRole read(ResultSet row) throws SQLException {
        return new UserRole(row.getInt("role_id"), row.getInt("project_id"), row.getString("role_name"),
                row.getString("unique_role_name"), Rights.read(row, ""));
    }
}
