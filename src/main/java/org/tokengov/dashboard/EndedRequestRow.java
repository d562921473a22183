package org.tokengov.dashboard;

import org.tokengov.requeststate.RequestProgress;

/** A request that ended without a token, as a table row: its number, state in words, and the reason its requester was sent. */
record EndedRequestRow(String id, String number, String requester, String projects, String state, String stateName,
        String ended, String reason) {

    static EndedRequestRow of(RequestProgress request) {
        return new EndedRequestRow(request.id(), request.number(), request.requester(),
                request.productionProjectId() + " / " + request.qaProjectId(), request.state().words(),
                request.state().name(), Readable.minute(request.since()), request.reason() == null ? "" : request.reason());
    }
}
