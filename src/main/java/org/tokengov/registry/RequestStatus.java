package org.tokengov.registry;

/** Where a token request stands: open, or closed with an outcome. Which step an open request waits at is the engine's to tell. */
public enum RequestStatus {
    SUBMITTED,
    APPROVED,
    INELIGIBLE,
    REJECTED,
    TIMED_OUT;

    public boolean isClosed() {
        return this == APPROVED || this == INELIGIBLE || this == REJECTED || this == TIMED_OUT;
    }
}
