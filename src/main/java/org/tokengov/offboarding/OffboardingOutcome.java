package org.tokengov.offboarding;

/** Where an offboarding event stands. */
public enum OffboardingOutcome {
    /** Stored; its process decides next. */
    RECEIVED,
    /** Dated in the future: the process waits for the effective date. */
    WAITING,
    /** Every token in scope is revoked in REDCap. */
    COMPLETED,
    /**
     * Every token in scope is revoked or asked to be deleted, but REDCap has not confirmed every deletion yet (the
     * manual mode's Control Center worklist): not complete until its log confirms the last.
     */
    AWAITING_REDCAP,
    /** A later-dated event about the same person made it moot; recorded, nothing revoked. */
    IGNORED,
    /** Part of a termination wave: REDCap refuses the tokens, the irreversible rest waits for an administrator. */
    HELD_FOR_WAVE,
    /** Part of a termination wave an administrator rejected: the tokens were given back. */
    REJECTED,
    /** A rehire: nothing to revoke, kept so earlier-dated terminations arriving late are ignored. */
    RECORDED
}
