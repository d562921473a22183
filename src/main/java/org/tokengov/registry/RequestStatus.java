package org.tokengov.registry;

/** Where a token request stands: open, or closed with an outcome. Which step an open request waits at is the engine's to tell. */
public enum RequestStatus {
    SUBMITTED,
    APPROVED,
    INELIGIBLE,
    REJECTED,
    TIMED_OUT,
    /** An issuance found a gate missing in the request ledger: nothing was created in REDCap. */
    REFUSED,
    /** Closed without a decision because the requester left the organisation. */
    CLOSED;

    public boolean isClosed() {
        return this != SUBMITTED;
    }
}
