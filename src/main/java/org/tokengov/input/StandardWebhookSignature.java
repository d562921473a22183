package org.tokengov.input;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature} holds one or more space-separated {@code v1,<base64>}
 * entries, each an HMAC-SHA256 of {@code "<webhook-id>.<webhook-timestamp>.<body>"}; the timestamp (seconds since the
 * epoch) must be within the tolerance of now, either way. The key is the secret in the standard's own form,
 * {@code whsec_<base64>}, decoded; a secret without that prefix is used as its UTF-8 bytes. Every signed intake (the HR
 * webhook, the usage events) checks deliveries with this one class, so they cannot drift apart.
 */
public final class StandardWebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    /** The longest {@code webhook-id} taken (the column {@code hr_webhook_delivery.webhook_id}). */
    public static final int MAX_ID_LENGTH = 255;
    /** Seconds since the epoch: 12 digits reach the year 33658, so an overflowing number is malformed, not stale. */
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

    /** Why a delivery is refused: its headers cannot be a delivery at all (400), or it is not authentic (401). */
    public record Refusal(boolean malformed, String reason) {
    }

    private final byte[] key;
    private final Duration tolerance;

    /**
     * @param setting the secret's property name, for messages about it (never the secret itself)
     */
    public StandardWebhookSignature(String setting, String secret, Duration tolerance) {
        this.key = keyOf(setting, secret);
        this.tolerance = tolerance;
    }

    /** The HMAC key of a configured secret; the message never repeats the secret. */
    public static byte[] keyOf(String setting, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(setting + " is not set");
        }
        if (!secret.startsWith(SECRET_PREFIX)) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " starts with " + SECRET_PREFIX
                    + " but what follows is not base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException(setting + " holds no key after " + SECRET_PREFIX);
        }
        return key;
    }

    /** Empty if the delivery is well-formed, authentic and fresh, else why not (never the expected value). */
    public Optional<Refusal> problem(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatures == null) {
            return unauthentic("webhook-id, webhook-timestamp and webhook-signature headers are required");
        }
        if (id.isBlank() || id.length() > MAX_ID_LENGTH || !PlainText.isPlain(id)) {
            return malformed("webhook-id must be 1 to " + MAX_ID_LENGTH + " characters without control characters");
        }
        if (!SECONDS.matcher(timestamp.trim()).matches()) {
            return malformed("webhook-timestamp must be seconds since the epoch");
        }
        long seconds = Long.parseLong(timestamp.trim());
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return unauthentic("webhook-timestamp is too old or too far in the future");
        }
        byte[] expected = hmac(id, timestamp.trim(), body);
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
        return unauthentic("webhook-signature does not match");
    }

    /** The HMAC of {@code id.timestamp.body}, over the body's bytes exactly as they arrived. */
    byte[] hmac(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private static Optional<Refusal> malformed(String reason) {
        return Optional.of(new Refusal(true, reason));
    }

    private static Optional<Refusal> unauthentic(String reason) {
        return Optional.of(new Refusal(false, reason));
    }
}
