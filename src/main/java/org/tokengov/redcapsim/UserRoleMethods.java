package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code content=userRole}: export, import and delete the project's roles (REDCAP-FACTS.md 2 and 4). Import and delete
 * write their MANAGE row first, so it stays when the change is refused.
 */
@Component
@ConditionalOnRedcapSimulator
class UserRoleMethods {

    static final List<String> COLUMNS = List.of("unique_role_name", "role_label", "design", "user_rights", "logging",
            "record_delete", "api_export", "api_import", "api_modules", "mobile_app", "mobile_app_download_data", "forms",
            "forms_export");

    ResponseEntity<String> export(RedcapServer server, TokenOwner caller, ApiRequest request) {
        UserRightsPrivileges.requireToExport(caller);
        List<Map<String, Object>> rows = server.roles().list(caller.projectId()).stream()
                .map(UserRoleMethods::row)
                .toList();
        server.log().append(LogEvent.manage(caller, request, "redcap_user_roles", "Export user roles (API)"));
        return ApiResponses.table(rows, COLUMNS, request.format(), "roles", "item");
    }

    /** A blank {@code unique_role_name} makes a new role (REDCap names it); a given one must be the project's. */
    ResponseEntity<String> importRoles(RedcapServer server, TokenOwner caller, ApiRequest request) {
        UserRightsPrivileges.requireToImportRoles(caller);
        server.log().append(LogEvent.manage(caller, request, "redcap_user_roles", "Import user roles (API)"));
        if (request.format() != Format.JSON) {
            throw ApiError.badRequest("The REDCap simulator imports user roles only as JSON (format=json)");
        }
        List<UserRightsImport.RoleChange> changes = UserRightsImport.parseRoles(request.data().orElse(null));
        List<String> strangers = changes.stream().map(UserRightsImport.RoleChange::uniqueRoleName)
                .filter(name -> name != null && server.roles().findByUniqueName(caller.projectId(), name).isEmpty())
                .toList();
        if (!strangers.isEmpty()) {
            throw ApiError.badRequest("These unique role names are not roles of this project: "
                    + String.join(", ", strangers));
        }
        int count = server.inTransaction(() -> {
            for (UserRightsImport.RoleChange change : changes) {
                Optional<UserRole> role = change.uniqueRoleName() == null ? Optional.empty()
                        : server.roles().findByUniqueName(caller.projectId(), change.uniqueRoleName());
                if (role.isPresent()) {
                    server.roles().update(role.get().roleId(), change.roleLabel(), change.values());
                } else {
                    server.roles().create(caller.projectId(), change.roleLabel(), change.values());
                }
            }
            return changes.size();
        });
        return ApiResponses.count(count, request.format());
    }

    /**
     * {@code roles[0]=U-…}. A role that still has users is refused: what REDCap does with them is not in the facts
     * sheet, and refusing changes nobody's rights behind their back.
     */
    ResponseEntity<String> delete(RedcapServer server, TokenOwner caller, ApiRequest request) {
        UserRightsPrivileges.requireToImportRoles(caller);
        UserRightsPrivileges.requireRecordDelete(caller);
        List<String> names = request.list("roles");
        server.log().append(LogEvent.manage(caller, request, "redcap_user_roles", "Delete user roles (API)"));
        if (names.isEmpty()) {
            throw ApiError.badRequest("No roles were given to delete: send them as roles[0], roles[1], ...");
        }
        List<UserRole> roles = names.stream()
                .map(name -> server.roles().findByUniqueName(caller.projectId(), name)
                        .orElseThrow(() -> ApiError.badRequest("This unique role name is not a role of this project: " + name)))
                .toList();
        List<String> withUsers = roles.stream().filter(role -> server.projectUsers().membersOfRole(role.roleId()) > 0)
                .map(UserRole::uniqueRoleName).toList();
        if (!withUsers.isEmpty()) {
            throw ApiError.badRequest("These roles still have users; assign the users elsewhere first: "
                    + String.join(", ", withUsers));
        }
        int count = server.inTransaction(() -> {
            roles.forEach(role -> server.roles().delete(role.roleId()));
            return roles.size();
        });
        return ApiResponses.count(count, request.format());
    }

    private static Map<String, Object> row(UserRole role) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("unique_role_name", role.uniqueRoleName());
        row.put("role_label", role.roleName() == null ? "" : role.roleName());
        UserMethods.putRights(row, role.rights());
        return row;
    }
}
