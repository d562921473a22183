package org.tokengov.redcapsim;

/**
 * A row for one of REDCap's log tables, as REDCap's {@code Logging::logEvent} writes it (REDCAP-FACTS.md 2). Which
 * table it goes to is decided when it is written: the project's {@code log_event_table}, or the default table for
 * project 0.
 *
 * @param page {@value #API_PAGE} for API calls, the UI page otherwise
 * @param event one of the values of the {@code event} enum
 */
record LogEvent(
        int projectId,
        String user,
        String ip,
        String page,
        String event,
        String objectType,
        String pk,
        Integer eventId,
        String dataValues,
        String description) {

    static final String API_PAGE = "api/index.php";

    /** The MANAGE row of an API method: pk is the project, data_values {@code project_id = N}. */
    static LogEvent manage(TokenOwner caller, ApiRequest request, String objectType, String description) {
        return manage(caller, request, objectType, "project_id = " + caller.projectId(), description);
    }

    static LogEvent manage(TokenOwner caller, ApiRequest request, String objectType, String dataValues,
            String description) {
        return new LogEvent(caller.projectId(), caller.username(), request.ip(), API_PAGE, "MANAGE", objectType,
                Integer.toString(caller.projectId()), null, dataValues, description);
    }

    /**
     * A refused call: event ERROR and {@code data_values} the raw POST, token included, as REDCap logs it
     * (REDCAP-FACTS.md 4). The object type is not in the sheet; the simulator leaves it empty.
     *
     * @param reason what follows "Failed API request", e.g. {@code invalid token}
     */
    static LogEvent failedRequest(int projectId, String user, ApiRequest request, String reason) {
        return new LogEvent(projectId, user, request.ip(), API_PAGE, "ERROR", null, null, null, request.rawPost(),
                "Failed API request (" + reason + ")");
    }

    /** A record export: what was exported is not logged, only the format (REDCAP-FACTS.md 2). */
    static LogEvent dataExport(TokenOwner caller, ApiRequest request, String dataValues) {
        return new LogEvent(caller.projectId(), caller.username(), request.ip(), API_PAGE, "DATA_EXPORT", "redcap_data",
                null, null, dataValues, "Export data (API)");
    }

    /** One record-event of a record import, with its {@code field = 'value'} lines. */
    static LogEvent recordSaved(TokenOwner caller, ApiRequest request, boolean created, String record, int eventId,
            String dataValues) {
        return new LogEvent(caller.projectId(), caller.username(), request.ip(), API_PAGE, created ? "INSERT" : "UPDATE",
                "redcap_data", record, eventId, dataValues, created ? "Create record (API)" : "Update record (API)");
    }

    /** A user added to, changed on or removed from the project through the API; event INSERT, UPDATE or DELETE. */
    static LogEvent userRightsChanged(TokenOwner caller, ApiRequest request, String event, String username,
            String description) {
        return new LogEvent(caller.projectId(), caller.username(), request.ip(), API_PAGE, event, "redcap_user_rights",
                username, null, "user = '" + username + "'", description);
    }

    /** A row written by one of REDCap's pages (Control Center, API page, User Rights) rather than by the API. */
    static LogEvent onPage(int projectId, String user, String ip, String page, String event, String objectType,
            String pk, String dataValues, String description) {
        return new LogEvent(projectId, user, ip, page, event, objectType, pk, null, dataValues, description);
    }
}
