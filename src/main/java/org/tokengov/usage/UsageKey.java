package org.tokengov.usage;

import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;

/** A token's identity in REDCap's log: one user's calls on one project of one environment. */
public record UsageKey(RedcapEnvironment environment, long projectId, String username) {

    public static UsageKey of(IssuedToken token) {
        return new UsageKey(token.environment(), token.projectId(), token.holder());
    }
}
