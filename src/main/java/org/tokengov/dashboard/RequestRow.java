package org.tokengov.dashboard;

import org.tokengov.requeststate.RequestProgress;

/** A request on the requests page, in words: its state, who must act, the times in UTC. */
record RequestRow(String number, String id, String requester, String projects, String rights, String state,
        String stateName, String reason, String step, String waitingFor, String since, String deadline) {

    static RequestRow of(RequestProgress request) {
        return new RequestRow(request.number(), request.id(), request.requester(),
                request.productionProjectId() + " / " + request.qaProjectId(), String.join(", ", request.rights()),
                request.state().words(), request.state().name(), request.reason() == null ? "" : request.reason(),
                request.step() == null ? "" : request.step(), String.join(", ", request.waitingFor()),
                Readable.minute(request.since()), Readable.minute(request.deadline()));
    }
}
