package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.requeststate.WaitingPoint;

/** An open request as a table row: who asked for which projects, and where and for how long it has been waiting. */
record OpenRequestRow(String id, String requester, long productionProjectId, long qaProjectId, String submitted,
        String step, String waitingFor, String waitingSince, boolean incident) {

    static OpenRequestRow of(TokenRequestRecord request, WaitingPoint waiting, Instant now) {
        if (waiting == null) {
            return new OpenRequestRow(request.id(), request.requester(), request.productionProjectId(), request.qaProjectId(),
                    Readable.minute(request.submittedAt()), "no running process", "", "", false);
        }
        return new OpenRequestRow(request.id(), request.requester(), request.productionProjectId(), request.qaProjectId(),
                Readable.minute(request.submittedAt()), waiting.step(), waiting.waitingFor(),
                waiting.since() == null ? "" : Readable.duration(Duration.between(waiting.since(), now)), waiting.incident());
    }
}
