package org.tokengov.redcaplog;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tokengov.redcap.RedcapLogRow;

/**
 * The API calls seen only in REDCap's request log ({@code redcap_log_view}): every call writes a row there, with
 * {@code miscellaneous} = {@code // API Request: content = '…'; format = '…'; token = '<redacted>'} (REDCAP-FACTS.md 2),
 * but only some also write a row to the project's log_event table, where the reader counts them already. A request
 * row is counted only when its content is not one of those, so no call is counted twice.
 */
final class SilentApiCalls {

    /**
     * Contents whose calls write a log_event row: those REDCAP-FACTS.md 2 lists (record, user, userRole,
     * userRoleMapping, metadata, log), file downloads ({@link UsageKinds} counts them from there), and version, project
     * and exportFieldNames, which the facts sheet does not list but the simulator logs: counting them from the log_event
     * table only may miss a call, never count one twice.
     */
    static final Set<String> LOGGED_IN_LOG_EVENT = Set.of("record", "user", "userRole", "userRoleMapping", "metadata",
            "log", "file", "version", "project", "exportFieldNames");

    private static final Pattern CONTENT = Pattern.compile("content = '([^']*)'");

    private SilentApiCalls() {
    }

    /** The content a request row names, if it names one. */
    static Optional<String> content(RedcapLogRow request) {
        if (request.details() == null) {
            return Optional.empty();
        }
        Matcher content = CONTENT.matcher(request.details());
        return content.find() ? Optional.of(content.group(1).trim()) : Optional.empty();
    }

    /** Whether the request row is a call of a user that no log_event row tells. */
    static boolean isSilentCall(RedcapLogRow request) {
        return request.user() != null && !request.user().isBlank()
                && content(request).filter(content -> !content.isEmpty() && !LOGGED_IN_LOG_EVENT.contains(content))
                        .isPresent();
    }
}
