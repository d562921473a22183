package org.tokengov.redcaplog;

import java.time.Instant;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * A token event read from REDCap's log, scrubbed: never a token value.
 *
 * @param id this system's id of the event (increasing in the order events were read)
 * @param projectId the project ({@code 0} for super tokens)
 * @param username whose token it is; {@code null} when the log does not say (the API's log export of a Control Center
 *                 row names only the administrator who acted)
 * @param actor the REDCap user who acted (an administrator, or the holder on the project's API page)
 * @param at when, converted from REDCap's local time
 */
public record TokenEventInRedcap(long id, RedcapEnvironment environment, long projectId, String username, String actor,
        TokenEventKind kind, Instant at) {
}
