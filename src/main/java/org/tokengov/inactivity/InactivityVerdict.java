package org.tokengov.inactivity;

/** What the sweep does with one token. */
enum InactivityVerdict {
    /** Used recently enough, or already warned for this inactivity period. */
    KEEP,
    /** Within the warning period and not yet warned for this inactivity period. */
    WARN,
    /** Unused for the whole unused period. */
    REVOKE
}
