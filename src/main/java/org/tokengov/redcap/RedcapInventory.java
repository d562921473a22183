package org.tokengov.redcap;

import java.util.List;
import java.util.Optional;

/**
 * What REDCap holds, read from its database (the {@code database} mode): every project token and super token with its
 * fingerprint, and who made a token according to REDCap's own log. The basis of reconciliation; REDCap's API cannot
 * show tokens at all (its user export never includes them).
 */
public interface RedcapInventory {

    /** Whether the environment's REDCap database is configured to be read. */
    boolean readable(RedcapEnvironment environment);

    /** Every project token of the environment. */
    List<TokenInRedcap> projectTokens(RedcapEnvironment environment);

    /** Every super token (64 hex, {@code redcap_user_information.api_token}) of the environment. */
    List<TokenInRedcap> superTokens(RedcapEnvironment environment);

    /** The user's token on the project ({@link TokenInRedcap#SUPER_TOKEN_PROJECT}: their super token), read now. */
    Optional<TokenInRedcap> token(RedcapEnvironment environment, long projectId, String username);

    /**
     * The REDCap user who last created or regenerated the user's token on the project, from the project's own log
     * table; empty if the log says nothing (the token predates the log, or was written by SQL without a log row).
     */
    Optional<String> tokenCreator(RedcapEnvironment environment, long projectId, String username);
}
