package org.tokengov.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.tokengov.redcap.RedcapEnvironment;

/**
 * A token issued through this system. {@code fingerprint} is the SHA-256 of the value, or null when a
 * REDCap administrator created the token by hand and the system never saw it.
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

    /** The API rights the token was approved with, in words: "export", "import", "mobile app". */
    public List<String> rightNames() {
        List<String> names = new ArrayList<>();
        if (rightExport) {
            names.add("export");
        }
        if (rightImport) {
            names.add("import");
        }
        if (rightMobileApp) {
            names.add("mobile app");
        }
        return names;
    }
}
