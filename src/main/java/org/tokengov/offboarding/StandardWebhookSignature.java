package org.tokengov.offboarding;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature} holds one or more space-separated {@code v1,<base64>}
 * entries, each an HMAC-SHA256 of {@code "<webhook-id>.<webhook-timestamp>.<body>"} keyed with the shared secret's
 * UTF-8 bytes; the timestamp (seconds since the epoch) must be within the tolerance of now, either way.
 */
final class StandardWebhookSignature {

    private final byte[] key;
    private final Duration tolerance;

    StandardWebhookSignature(String secret, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("tokengov.hr.webhook-secret (TOKENGOV_HR_WEBHOOK_SECRET) is not set");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /** Empty if the delivery is authentic and fresh, else why not (for the 401 answer; never the expected value). */
    Optional<String> problem(String id, String timestamp, String signatures, String body, Instant now) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null) {
            return Optional.of("webhook-id, webhook-timestamp and webhook-signature headers are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of("webhook-timestamp must be seconds since the epoch");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return Optional.of("webhook-timestamp is too old or too far in the future");
        }
        byte[] expected = hmac(id + "." + timestamp.trim() + "." + body);
        for (String entry : signatures.trim().split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(comma + 1)))) {
                        return Optional.empty();
                    }
                } catch (IllegalArgumentException notBase64) {
                    // try the next entry
                }
            }
        }
        return Optional.of("webhook-signature does not match");
    }

    byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
