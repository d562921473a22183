package org.tokengov.registry;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenInRedcap;

/**
 * A token the registry knows: issued through this system, or found in REDCap by reconciliation (then without a
 * request). {@code fingerprint} is the SHA-256 of the value, or null when a REDCap administrator created the token by
 * hand and the system never saw it. A super token (REDCap's 64-hex token of a user, not of a project) has
 * {@code projectId} 0 ({@link TokenInRedcap#SUPER_TOKEN_PROJECT}), as REDCap logs events without a project.
 */
@Table("api_token")
public record IssuedToken(
        @Id String id,
        String requestId,
        String holder,
        RedcapEnvironment environment,
        long projectId,
        boolean rightExport,
        boolean rightImport,
        boolean rightMobileApp,
        TokenState state,
        Instant issuedAt,
        Instant expiresAt,
        Instant lastUsedAt,
        String fingerprint,
        Instant revokedAt,
        String revocationReason,
        @Version Long version) {

    public boolean superToken() {
        return projectId == TokenInRedcap.SUPER_TOKEN_PROJECT;
    }

    /** The API rights the token was approved with, in words: "export", "import", "mobile app". */
    public List<String> rightNames() {
        return RightNames.of(rightExport, rightImport, rightMobileApp);
    }
}
