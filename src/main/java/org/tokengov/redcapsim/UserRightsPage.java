package org.tokengov.redcapsim;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A project's User Rights page: someone with full User Rights (or a super user) adds a user, edits their rights and
 * expiration, or puts them in a role, creating it if the project has none of that name. The facts sheet does not give
 * these rows; the simulator writes what REDCap's logging shows for them: INSERT "Add user", UPDATE "Edit user" on
 * {@code redcap_user_rights} with pk the user and {@code user = 'x'}, and for roles "Add role", "Edit role",
 * "Assign user to role" and "Remove user from role".
 */
@Component
@ConditionalOnRedcapSimulator
class UserRightsPage {

    static final String PAGE = "UserRights/edit_user.php";

    /**
     * @param rights the rights and expiration given (absent ones unchanged; a new user gets none of the others)
     * @param roleName {@code null}: the user's own rights; blank: out of their role (the rights are the user's); else
     *        the role, which gets the rights
     * @return the user's role afterwards, if any
     */
    Optional<UserRole> edit(PageContext page, String by, String username, int projectId,
            Map<UserRightsField, Object> rights, String roleName) {
        return page.server().inTransaction(() -> {
            RedcapUser editor = editor(page, by, projectId);
            RedcapUser person = page.user(username);
            Map<UserRightsField, Object> ownRights = new EnumMap<>(UserRightsField.class);
            Map<UserRightsField, Object> roleRights = new EnumMap<>(UserRightsField.class);
            boolean intoRole = roleName != null && !roleName.isBlank();
            rights.forEach((field, value) -> (intoRole && field.appliesToRoles() ? roleRights : ownRights)
                    .put(field, value));
            ProjectUsers.Applied applied = page.server().projectUsers().apply(projectId,
                    new UserRightsChange(person.username(), ownRights));
            if (applied == ProjectUsers.Applied.ADDED) {
                logUser(page, projectId, editor, "INSERT", person.username(), "Add user", "");
            } else if (!ownRights.isEmpty()) {
                logUser(page, projectId, editor, "UPDATE", person.username(), "Edit user", "");
            }
            if (roleName == null) {
                return roleOf(page, projectId, person.username());
            }
            if (roleName.isBlank()) {
                Optional<UserRole> current = roleOf(page, projectId, person.username());
                current.ifPresent(role -> {
                    page.server().projectUsers().assignRole(projectId, person.username(), null);
                    logUser(page, projectId, editor, "UPDATE", person.username(), "Remove user from role",
                            ",\nrole = '" + role.roleName() + "'");
                });
                return Optional.empty();
            }
            UserRole role = roleNamed(page, projectId, editor, roleName.trim(), roleRights);
            page.server().projectUsers().assignRole(projectId, person.username(), role.roleId());
            logUser(page, projectId, editor, "UPDATE", person.username(), "Assign user to role",
                    ",\nrole = '" + role.roleName() + "'");
            return Optional.of(role);
        });
    }

    private static UserRole roleNamed(PageContext page, int projectId, RedcapUser editor, String roleName,
            Map<UserRightsField, Object> rights) {
        Optional<UserRole> existing = page.server().roles().findByName(projectId, roleName);
        if (existing.isEmpty()) {
            UserRole created = page.server().roles().create(projectId, roleName, rights);
            logRole(page, projectId, editor, "INSERT", created, "Add role");
            return created;
        }
        if (!rights.isEmpty()) {
            page.server().roles().update(existing.get().roleId(), null, rights);
            logRole(page, projectId, editor, "UPDATE", existing.get(), "Edit role");
        }
        return existing.get();
    }

    private static Optional<UserRole> roleOf(PageContext page, int projectId, String username) {
        return page.server().projectUsers().find(projectId, username)
                .map(ProjectUser::uniqueRoleName)
                .flatMap(name -> page.server().roles().findByUniqueName(projectId, name));
    }

    /** Without a name, the project's first user with full User Rights acts (or else the first super user). */
    private static RedcapUser editor(PageContext page, String by, int projectId) {
        if (page.server().projects().find(projectId).isEmpty()) {
            throw PageError.badRequest("REDCap has no project " + projectId);
        }
        String username = by != null ? by : page.server().projectUsers().list(projectId).stream()
                .filter(user -> user.rights().userRights() == 1)
                .map(ProjectUser::username)
                .findFirst()
                .or(() -> page.server().users().firstSuperUser())
                .orElseThrow(() -> PageError.badRequest("Project " + projectId + " has nobody with User Rights: name"
                        + " the editor in 'by'"));
        RedcapUser editor = page.user(username);
        boolean mayEdit = editor.superUser() || page.server().projectUsers().find(projectId, username)
                .map(user -> user.rights().userRights() == 1).orElse(false);
        if (!mayEdit || editor.suspended()) {
            throw new PageError(HttpStatus.FORBIDDEN, "'" + username + "' may not edit the User Rights of project "
                    + projectId);
        }
        return editor;
    }

    private static void logUser(PageContext page, int projectId, RedcapUser editor, String event, String username,
            String description, String moreValues) {
        page.log(projectId, editor.username(), PAGE, event, "redcap_user_rights", username,
                "user = '" + username + "'" + moreValues, description);
    }

    private static void logRole(PageContext page, int projectId, RedcapUser editor, String event, UserRole role,
            String description) {
        page.log(projectId, editor.username(), PAGE, event, "redcap_user_roles", Integer.toString(role.roleId()),
                "role = '" + role.roleName() + "'", description);
    }
}
