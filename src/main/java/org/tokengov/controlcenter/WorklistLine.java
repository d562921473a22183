package org.tokengov.controlcenter;

import java.time.Instant;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * One thing to do by hand in REDCap, as the worklist shows it; never a token value (none exists here to show).
 *
 * @param number the line's number, which administrators name when they tick it off
 * @param askedAt since when it waits
 */
record WorklistLine(long number, String waveId, String tokenId, RedcapEnvironment environment, long projectId,
        String holder, WorkKind kind, String reason, String note, Instant askedAt) {

    /** The line as the task shows it. */
    String text() {
        String what = switch (kind) {
            case DELETE_TOKEN -> "delete the API token of " + holder + " on project " + projectId + " (" + reason + ")";
            case HOLD_BY_HAND -> "take the API token of " + holder + " on project " + projectId + " out of use (hold)";
            case RELEASE_BY_HAND -> "undo the hold by hand on the API token of " + holder + " on project " + projectId;
        };
        return "#" + number + " " + environment + ": " + what + ", since " + askedAt + ". " + note;
    }
}
