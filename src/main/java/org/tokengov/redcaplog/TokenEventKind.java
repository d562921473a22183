package org.tokengov.redcaplog;

/** What REDCap's log says happened to a token. */
public enum TokenEventKind {
    /** {@code Create API token for user} (Control Center) or {@code Create API token for self} (project API page). */
    CREATED,
    /** {@code Regenerate API token for user} or {@code User regenerate own API token}. */
    REGENERATED,
    /** {@code Delete API token for user} or {@code User delete own API token}. */
    DELETED,
    /** {@code Request API token}: the request button, a to-do row for an administrator; no token yet. */
    REQUESTED,
    /** {@code Create Super API Token…} on the user, not a project. */
    SUPER_CREATED,
    /** {@code Delete Super API Token…}. */
    SUPER_DELETED,
    /** {@code Reassign Super API Token…}: the user's super token got a new value (REDCap logs no value). */
    SUPER_REGENERATED;

    /** Whether REDCap wrote the token's old value into the row: a value that no longer works, not a leak. */
    boolean namesAnOldValue() {
        return this == REGENERATED || this == DELETED;
    }
}
