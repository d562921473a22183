package org.tokengov.redcapsim;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code content=log}: the project's audit trail from its own log table, newest first, without a limit. */
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
        Projects.Project project = server.projects().find(caller.projectId())
                .orElseThrow(() -> ApiError.badRequest("The project of this API token does not exist"));
        boolean withReason = project.requiresChangeReason();
        List<Map<String, Object>> rows = server.log().find(caller.projectId(), filter).stream()
                .map(stored -> LogEntry.of(stored, withReason))
                .map(LogEntry::asRow)
                .toList();
        // Written after the query, as REDCap does, so the export does not list itself. Its object type is the table.
        server.log().append(LogEvent.manage(caller, request, project.logEventTable(), "Export Logging (API)"));
        return ApiResponses.table(rows, withReason ? LogEntry.COLUMNS_WITH_REASON : LogEntry.COLUMNS, request.format(),
                "logs", "log");
    }
}
