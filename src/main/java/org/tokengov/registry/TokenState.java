package org.tokengov.registry;

/** The states of an issued token, as the design's contract names them. */
public enum TokenState {
    QA_ACTIVE,
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED;

    public boolean isLive() {
        return this == QA_ACTIVE || this == ACTIVE || this == SUSPENDED;
    }
}
