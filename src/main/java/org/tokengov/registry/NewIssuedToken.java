package org.tokengov.registry;

import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenRights;

/** A token that has just been created in REDCap. The fingerprint is null for tokens made by hand. */
public record NewIssuedToken(
        String requestId,
        String holder,
        RedcapEnvironment environment,
        long projectId,
        TokenRights rights,
        TokenFingerprint fingerprint) {
}
