package org.tokengov.redcap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a token value: what this system keeps instead of the token itself. */
public record TokenFingerprint(String sha256Hex) {

    public TokenFingerprint {
        if (sha256Hex == null || !sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A token fingerprint is 64 lowercase hex characters");
        }
    }

    public static TokenFingerprint of(String tokenValue) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.US_ASCII));
            return new TokenFingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "sha256:" + sha256Hex;
    }
}
