package org.tokengov.redcap;

/**
 * Creating, regenerating and deleting project tokens. REDCap has no API for this, so the
 * {@code database} mode writes REDCap's schema directly, as institutions' admin tools do.
 * The token value never leaves this interface: callers only ever see its fingerprint.
 */
public interface TokenAdministration {

    /** Creates (or, if the user already has one, replaces) the user's token on the project and sets the rights. */
    TokenFingerprint create(RedcapEnvironment environment, long projectId, String username, TokenRights rights, String actor);

    /** Replaces the token value; the old value stops working at once. */
    TokenFingerprint regenerate(RedcapEnvironment environment, long projectId, String username, String actor);

    /** Removes the token; any call with the old value then gets 403. */
    void delete(RedcapEnvironment environment, long projectId, String username, String actor);

    /** Removes the user's super token ({@code redcap_user_information.api_token}); nothing if they have none. */
    void deleteSuperToken(RedcapEnvironment environment, String username, String actor);
}
