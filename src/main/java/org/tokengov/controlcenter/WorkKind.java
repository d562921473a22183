package org.tokengov.controlcenter;

/** What a line of the worklist asks an administrator to do in REDCap. */
enum WorkKind {
    /** Delete the token in the Control Center (a revocation; the token is {@code REVOCATION_PENDING} meanwhile). */
    DELETE_TOKEN,
    /** Take the token of a role member out of use for a hold (delete it, or move the user out of the role). */
    HOLD_BY_HAND,
    /** Undo what was done by hand for a hold that ended. */
    RELEASE_BY_HAND
}
