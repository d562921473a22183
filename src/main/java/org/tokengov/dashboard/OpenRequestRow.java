package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.requeststate.WaitingPoint;

/**
 * An open request as a table row: its number, who asked for which projects, where and for how long it has been
 * waiting, and the Tasklist address of its open task ({@code taskLink}: null when the system works on it, or when the
 * viewer may not open the task).
 */
record OpenRequestRow(String id, String number, String requester, long productionProjectId, long qaProjectId,
        String submitted, String step, String waitingFor, String waitingSince, boolean incident, String taskLink) {

    static OpenRequestRow of(TokenRequestRecord request, WaitingPoint waiting, String taskLink, Instant now) {
        if (waiting == null) {
            return new OpenRequestRow(request.id(), request.number(), request.requester(), request.productionProjectId(),
                    request.qaProjectId(), Readable.minute(request.submittedAt()), "no running process", "", "", false, null);
        }
        return new OpenRequestRow(request.id(), request.number(), request.requester(), request.productionProjectId(),
                request.qaProjectId(), Readable.minute(request.submittedAt()), waiting.step(), waiting.waitingFor(),
                waiting.since() == null ? "" : Readable.duration(Duration.between(waiting.since(), now)), waiting.incident(),
                taskLink);
    }
}
