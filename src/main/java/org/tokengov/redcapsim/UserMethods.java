package org.tokengov.redcapsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code content=user}: export, import and delete the users of the token's project. */
@Component
@ConditionalOnRedcapSimulator
class UserMethods {

    static final String NO_USER_RIGHTS = "You do not have User Rights privileges";

    private static final List<String> COLUMNS = List.of("username", "email", "firstname", "lastname", "expiration",
            "user_rights", "api_export", "api_import", "mobile_app", "logging");

    ResponseEntity<String> export(RedcapServer server, TokenOwner caller, ApiRequest request) {
        List<Map<String, Object>> rows = server.projectUsers().list(caller.projectId()).stream()
                .map(UserMethods::row)
                .toList();
        server.log().append(LogEvent.apiCall(caller, "redcap_user_rights", "Export users (API)"));
        return ApiResponses.table(rows, COLUMNS, request.format(), "users", "item");
    }

    ResponseEntity<String> importUsers(RedcapServer server, TokenOwner caller, ApiRequest request) {
        requireUserRights(caller);
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
                ProjectUsers.Applied applied = server.projectUsers().apply(caller.projectId(), change);
                server.log().append(applied == ProjectUsers.Applied.ADDED
                        ? LogEvent.userRightsChanged(caller, "INSERT", change.username(), "Add user")
                        : LogEvent.userRightsChanged(caller, "UPDATE", change.username(), "Edit user"));
            }
            server.log().append(LogEvent.apiCall(caller, "redcap_user_rights", "Import users (API)"));
            return changes.size();
        });
        return ApiResponses.count(count, request.format());
    }

    ResponseEntity<String> delete(RedcapServer server, TokenOwner caller, ApiRequest request) {
        requireUserRights(caller);
        List<String> usernames = request.users();
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
                server.log().append(LogEvent.userRightsChanged(caller, "DELETE", username, "Delete user"));
            }
            server.log().append(LogEvent.apiCall(caller, "redcap_user_rights", "Delete users (API)"));
            return usernames.size();
        });
        return ApiResponses.count(count, request.format());
    }

    private static void requireUserRights(TokenOwner caller) {
        if (!caller.mayManageUsers()) {
            throw ApiError.forbidden(NO_USER_RIGHTS);
        }
    }

    private static Map<String, Object> row(ProjectUser user) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("username", user.username());
        row.put("email", nullToEmpty(user.email()));
        row.put("firstname", nullToEmpty(user.firstName()));
        row.put("lastname", nullToEmpty(user.lastName()));
        row.put("expiration", user.expiration() == null ? "" : user.expiration().toString());
        row.put("user_rights", user.userRights());
        row.put("api_export", user.apiExport());
        row.put("api_import", user.apiImport());
        row.put("mobile_app", user.mobileApp());
        row.put("logging", user.logging());
        return row;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
