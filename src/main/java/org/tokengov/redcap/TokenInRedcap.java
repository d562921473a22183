package org.tokengov.redcap;

/**
 * A token as REDCap's database holds it, never with its value: whose it is, on which project ({@code projectId} 0 for
 * a user's super token), its fingerprint, and the API rights it has (a user role's rights win over the user's own, as
 * in REDCap; {@code roleName} null if the user is in no role).
 */
public record TokenInRedcap(RedcapEnvironment environment, long projectId, String username, TokenFingerprint fingerprint,
        TokenRights rights, String roleName) {

    /** The project id a super token is filed under: REDCap logs its events without a project (project_id 0). */
    public static final long SUPER_TOKEN_PROJECT = 0;

    public boolean superToken() {
        return projectId == SUPER_TOKEN_PROJECT;
    }
}
