package org.tokengov.redcapsim;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code content=log}: the token's project's audit trail, newest first. */
@Component
@ConditionalOnRedcapSimulator
class LogMethods {

    static final String NO_LOGGING = "The API request cannot complete because currently you do not have \"Logging\""
            + " privileges, which are required for this operation.";

    ResponseEntity<String> export(RedcapServer server, TokenOwner caller, ApiRequest request) {
        if (!caller.mayReadLogging()) {
            throw ApiError.forbidden(NO_LOGGING);
        }
        LogFilter filter = LogFilter.of(request);
        List<Map<String, Object>> rows = server.log().find(caller.projectId(), filter).stream()
                .map(LogEntry::of)
                .map(LogEntry::asRow)
                .toList();
        // Written after the query, as REDCap does, so the export does not list itself.
        server.log().append(LogEvent.apiCall(caller, "redcap_log_event", "Export Logging (API)"));
        return ApiResponses.table(rows, LogEntry.COLUMNS, request.format(), "logs", "log");
    }
}
