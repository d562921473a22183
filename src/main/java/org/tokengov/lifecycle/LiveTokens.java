package org.tokengov.lifecycle;

import org.springframework.stereotype.Component;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * Gateway of TokenLifecycleProcess, asked when a revocation is requested: whether REDCap still holds the token for
 * the system to take away (read from the registry, never from a variable). A token already revoked or expired, or
 * whose deletion waits in REDCap's Control Center, ends its lifecycle at once, without a job of its own: an offboarding
 * ends every lifecycle of a leaver this way right after revoking the tokens, and a burst of departures would otherwise
 * queue that bookkeeping among the revocations still to make.
 */
@Component("liveTokens")
public class LiveTokens {

    private final TokenRegistry registry;

    LiveTokens(TokenRegistry registry) {
        this.registry = registry;
    }

    /** As {@link TokenRevocation#revoke} decides whether there is anything to revoke. */
    public boolean stillToRevoke(String tokenId) {
        return registry.find(tokenId).map(IssuedToken::state).filter(TokenState::stillToRevoke).isPresent();
    }
}
