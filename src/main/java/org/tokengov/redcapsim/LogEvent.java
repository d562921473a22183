package org.tokengov.redcapsim;

/**
 * A row for {@code redcap_log_event}, written the way REDCap's API writes it: page {@value #API_PAGE},
 * the token's user, and a description that ends in {@code (API)} for the call itself.
 */
record LogEvent(int projectId, String username, String event, String objectType, String pk, String description) {

    static final String API_PAGE = "api/index.php";

    /** The one event of every accepted API call; REDCap files it under Manage/Design with the project as pk. */
    static LogEvent apiCall(int projectId, String username, String objectType, String description) {
        return new LogEvent(projectId, username, "MANAGE", objectType, Integer.toString(projectId), description);
    }

    static LogEvent apiCall(TokenOwner caller, String objectType, String description) {
        return apiCall(caller.projectId(), caller.username(), objectType, description);
    }

    /** A user added to, changed on or removed from the project; event is INSERT, UPDATE or DELETE. */
    static LogEvent userRightsChanged(TokenOwner caller, String event, String username, String description) {
        return new LogEvent(caller.projectId(), caller.username(), event, "redcap_user_rights", username, description);
    }
}
