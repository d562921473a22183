package org.tokengov.redcap;

import java.time.Instant;
import java.util.Optional;

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

    /**
     * Removes the token's value; any call with the old value then gets 403. The user's API rights stay as the PI set
     * them: they are the PI's consent, not the system's switch. REDCap is checked first: a user without a token (an
     * earlier attempt deleted it and crashed before recording it, or someone did in REDCap) is left as they are.
     *
     * @return when REDCap's token was deleted, to the second of REDCap's log: now, or the newest deletion REDCap's log
     *     shows for the user on the project if there was nothing to delete; empty if the log shows none
     */
    Optional<Instant> delete(RedcapEnvironment environment, long projectId, String username, String actor);

    /**
     * The user's current token on the project if REDCap's log says {@code actor} wrote it (its newest row about the
     * user's token is the actor's creation or regeneration): what an attempt of the actor's that crashed after REDCap
     * committed leaves behind. Empty if the user has no token, or someone else made or changed it last. Writes nothing.
     */
    Optional<TokenFingerprint> tokenWrittenBy(RedcapEnvironment environment, long projectId, String username, String actor);

    /**
     * A new value for the user (who may have none, after a hold removed it), leaving their API rights as they are;
     * the holder reads it on REDCap's API page.
     */
    TokenFingerprint issueValue(RedcapEnvironment environment, long projectId, String username, String actor);

    /** Removes the user's super token ({@code redcap_user_information.api_token}); nothing if they have none. */
    void deleteSuperToken(RedcapEnvironment environment, String username, String actor);
}
