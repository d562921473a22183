package org.tokengov.offboarding;

/** Where an offboarding event stands. */
public enum OffboardingOutcome {
    /** Stored; its process decides next. */
    RECEIVED,
    /** Dated in the future: the process waits for the effective date. */
    WAITING,
    /** Every token in scope is revoked in REDCap. */
    COMPLETED,
    /** A later-dated event about the same person made it moot; recorded, nothing revoked. */
    IGNORED,
    /** A rehire: nothing to revoke, kept so earlier-dated terminations arriving late are ignored. */
    RECORDED
}
