package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code content=user}: export, import and delete the users of the token's project (REDCAP-FACTS.md 2 and 4). Import
 * and delete write their MANAGE row first, in a transaction of its own, so it stays when the change is refused.
 */
@Component
@ConditionalOnRedcapSimulator
class UserMethods {

    static final List<String> COLUMNS = List.of("username", "email", "firstname", "lastname", "expiration",
            "data_access_group", "data_access_group_id", "design", "user_rights", "logging", "record_delete",
            "api_export", "api_import", "api_modules", "mobile_app", "mobile_app_download_data", "forms", "forms_export");

    ResponseEntity<String> export(RedcapServer server, TokenOwner caller, ApiRequest request) {
        UserRightsPrivileges.requireToExport(caller);
        List<Map<String, Object>> rows = visibleUsers(server, caller).stream()
                .map(UserMethods::row)
                .toList();
        server.log().append(LogEvent.manage(caller, request, "redcap_user_rights", "Export users (API)"));
        return ApiResponses.table(rows, COLUMNS, request.format(), "users", "item");
    }

    ResponseEntity<String> importUsers(RedcapServer server, TokenOwner caller, ApiRequest request) {
        UserRightsPrivileges.requireToImportUsers(caller);
        server.log().append(LogEvent.manage(caller, request, "redcap_user_rights", "Import users (API)"));
        if (request.format() != Format.JSON) {
            throw ApiError.badRequest("The REDCap simulator imports users only as JSON (format=json)");
        }
        List<UserRightsChange> changes = UserRightsImport.parse(request.data().orElse(null));
        Set<String> unknown = server.users().unknown(changes.stream().map(UserRightsChange::username).toList());
        if (!unknown.isEmpty()) {
            throw ApiError.badRequest("These users do not exist in REDCap, so they cannot be added to the project: "
                    + String.join(", ", unknown));
        }
        int count = server.inTransaction(() -> {
            for (UserRightsChange change : changes) {
                // Checked as REDCap goes through the batch; a refusal rolls back every user before it.
                server.projectUsers().find(caller.projectId(), change.username())
                        .filter(user -> user.roleId() != null)
                        .ifPresent(user -> {
                            throw ApiError.badRequest(UserRightsPrivileges.inARole(user.username()));
                        });
                ProjectUsers.Applied applied = server.projectUsers().apply(caller.projectId(), change);
                // Per-user rows: not in the facts sheet; the simulator writes them as the User Rights page does.
                server.log().append(applied == ProjectUsers.Applied.ADDED
                        ? LogEvent.userRightsChanged(caller, request, "INSERT", change.username(), "Add user")
                        : LogEvent.userRightsChanged(caller, request, "UPDATE", change.username(), "Edit user"));
            }
            return changes.size();
        });
        return ApiResponses.count(count, request.format());
    }

    ResponseEntity<String> delete(RedcapServer server, TokenOwner caller, ApiRequest request) {
        UserRightsPrivileges.requireToImportUsers(caller);
        UserRightsPrivileges.requireRecordDelete(caller);
        List<String> usernames = request.users();
        server.log().append(LogEvent.manage(caller, request, "redcap_users",
                "user_id in (" + String.join(", ", usernames) + ")", "Delete users (API)"));
        if (usernames.isEmpty()) {
            throw ApiError.badRequest("No users were given to delete: send them as users[0], users[1], ...");
        }
        List<String> strangers = usernames.stream()
                .filter(username -> !server.projectUsers().isOnProject(caller.projectId(), username))
                .toList();
        if (!strangers.isEmpty()) {
            throw ApiError.badRequest("These users are not users of this project: " + String.join(", ", strangers));
        }
        int count = server.inTransaction(() -> {
            for (String username : usernames) {
                server.projectUsers().remove(caller.projectId(), username);
                server.log().append(LogEvent.userRightsChanged(caller, request, "DELETE", username, "Delete user"));
            }
            return usernames.size();
        });
        return ApiResponses.count(count, request.format());
    }

    /** A user in a data access group sees only the users of that group (REDCAP-FACTS.md 4). */
    static List<ProjectUser> visibleUsers(RedcapServer server, TokenOwner caller) {
        return server.projectUsers().list(caller.projectId()).stream()
                .filter(user -> caller.groupId() == null || Objects.equals(caller.groupId(), user.groupId()))
                .toList();
    }

    /** The rights are the role's for a member of one; the token is never part of it. */
    private static Map<String, Object> row(ProjectUser user) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("username", user.username());
        row.put("email", nullToEmpty(user.email()));
        row.put("firstname", nullToEmpty(user.firstName()));
        row.put("lastname", nullToEmpty(user.lastName()));
        row.put("expiration", user.expiration() == null ? "" : user.expiration().toString());
        // The simulator keeps no redcap_data_access_groups: the group's unique name is not known here.
        row.put("data_access_group", "");
        row.put("data_access_group_id", user.groupId() == null ? "" : user.groupId().toString());
        putRights(row, user.rights());
        return row;
    }

    /** The rights in the order of REDCap's user and role export. */
    static void putRights(Map<String, Object> row, Rights rights) {
        row.put("design", rights.design());
        row.put("user_rights", rights.userRights());
        row.put("logging", rights.dataLogging());
        row.put("record_delete", rights.recordDelete());
        row.put("api_export", rights.apiExport());
        row.put("api_import", rights.apiImport());
        row.put("api_modules", rights.apiModules());
        row.put("mobile_app", rights.mobileApp());
        row.put("mobile_app_download_data", rights.mobileAppDownloadData());
        row.put("forms", rights.forms());
        row.put("forms_export", rights.formsExport());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
