package org.tokengov.redcap;

import java.time.LocalDateTime;

/**
 * A pending {@code token access} row of REDCap's to-do list: someone pressed the request button on a project's API
 * page (REDCAP-FACTS.md 3).
 *
 * @param requestId the row's {@code request_id}
 * @param username the REDCap user who asked ({@code request_from} is their {@code ui_id}); null if REDCap no longer
 *        knows that user
 * @param requestedAt {@code request_time}, in the REDCap server's local time
 */
public record TokenAccessRequest(RedcapEnvironment environment, long requestId, long projectId, String username,
        LocalDateTime requestedAt) {
}
