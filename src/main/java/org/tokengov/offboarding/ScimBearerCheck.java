package org.tokengov.offboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpStatus;

/**
 * Checks {@code Authorization: Bearer <token>} (RFC 6750) against the configured token. Both sides are hashed
 * before the constant-time comparison, so neither the content nor the length of the expected token shows in the
 * response time.
 */
final class ScimBearerCheck {

    private static final String SCHEME = "Bearer";

    private ScimBearerCheck() {
    }

    /** Every SCIM endpoint starts here: 503 while no token is configured, 401 without the right one. */
    static void require(ScimProperties properties, String authorizationHeader) {
        if (!properties.configured()) {
            throw new ScimException(HttpStatus.SERVICE_UNAVAILABLE, null,
                    "SCIM intake is not configured (tokengov.scim.bearer-token).");
        }
        if (!admits(authorizationHeader, properties.bearerToken())) {
            throw new ScimException(HttpStatus.UNAUTHORIZED, null, "A valid bearer token is required.");
        }
    }

    static boolean admits(String authorizationHeader, String expectedToken) {
        if (authorizationHeader == null || expectedToken == null || expectedToken.isBlank()) {
            return false;
        }
        String header = authorizationHeader.trim();
        // The auth scheme is case-insensitive (RFC 7235 §2.1).
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.charAt(SCHEME.length()) != ' ') {
            return false;
        }
        String presented = header.substring(SCHEME.length()).trim();
        return MessageDigest.isEqual(sha256(presented), sha256(expectedToken));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
