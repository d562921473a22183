package org.tokengov.redcapsim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code content=userRoleMapping}: which user is in which role (REDCAP-FACTS.md 2 and 4). Import writes its row first,
 * so it stays when the change is refused. A blank {@code unique_role_name} takes the user out of their role.
 */
@Component
@ConditionalOnRedcapSimulator
class UserRoleMappingMethods {

    static final List<String> COLUMNS = List.of("username", "unique_role_name");

    ResponseEntity<String> export(RedcapServer server, TokenOwner caller, ApiRequest request) {
        UserRightsPrivileges.requireToExport(caller);
        List<Map<String, Object>> rows = UserMethods.visibleUsers(server, caller).stream()
                .map(user -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("username", user.username());
                    row.put("unique_role_name", user.uniqueRoleName() == null ? "" : user.uniqueRoleName());
                    return row;
                })
                .toList();
        server.log().append(LogEvent.manage(caller, request, "redcap_user_rights", "Export user role assignments (API)"));
        return ApiResponses.table(rows, COLUMNS, request.format(), "items", "item");
    }

    ResponseEntity<String> importMappings(RedcapServer server, TokenOwner caller, ApiRequest request) {
        UserRightsPrivileges.requireToImportRoles(caller);
        server.log().append(LogEvent.manage(caller, request, "redcap_user_rights", "Import user role assignments (API)"));
        if (request.format() != Format.JSON) {
            throw ApiError.badRequest("The REDCap simulator imports user role assignments only as JSON (format=json)");
        }
        Map<String, String> mappings = UserRightsImport.parseRoleMappings(request.data().orElse(null));
        List<String> problems = new ArrayList<>();
        Map<String, Integer> roleIds = new LinkedHashMap<>();
        mappings.forEach((username, uniqueRoleName) -> {
            if (!server.projectUsers().isOnProject(caller.projectId(), username)) {
                problems.add("The user \"" + username + "\" is not a user of this project.");
            } else if (!uniqueRoleName.isEmpty()) {
                server.roles().findByUniqueName(caller.projectId(), uniqueRoleName).ifPresentOrElse(
                        role -> roleIds.put(username, role.roleId()),
                        () -> problems.add("The unique role name \"" + uniqueRoleName + "\" is not a role of this project."));
            }
        });
        if (!problems.isEmpty()) {
            throw ApiError.badRequest(String.join("\n", problems));
        }
        int count = server.inTransaction(() -> {
            mappings.keySet().forEach(username ->
                    server.projectUsers().assignRole(caller.projectId(), username, roleIds.get(username)));
            return mappings.size();
        });
        return ApiResponses.count(count, request.format());
    }
}
