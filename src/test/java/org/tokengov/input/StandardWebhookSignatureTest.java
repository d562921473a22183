package org.tokengov.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Standard Webhooks signature checks: authentic, forged, tampered, stale, from the future, missing or malformed
 * headers; secrets in the standard's {@code whsec_} form and as plain text.
 */
class StandardWebhookSignatureTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final String BODY = "{\"type\":\"person.terminated\",\"username\":\"bob\",\"effectiveAt\":\"2026-11-28T12:00:00Z\"}";
    /** 24 random bytes, as Standard Webhooks senders generate them. */
    static final byte[] KEY = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    final StandardWebhookSignature signatures = new StandardWebhookSignature("test.secret", "shared-secret", Duration.ofMinutes(5));

    /** Signed here with the JDK's HMAC, independently of the class under test. */
    static String sign(byte[] key, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, String id, long timestamp, String body) {
        return sign(secret.getBytes(StandardCharsets.UTF_8), id, timestamp, body);
    }

    Optional<StandardWebhookSignature.Refusal> check(StandardWebhookSignature check, String id, String timestamp,
            String signature, String body) {
        return check.problem(id, timestamp, signature, body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void anAuthenticFreshDeliveryPasses() {
        long ts = NOW.getEpochSecond();
        assertThat(check(signatures, "msg_1", Long.toString(ts), sign("shared-secret", "msg_1", ts, BODY), BODY)).isEmpty();
        assertThat(check(signatures, "msg_1", Long.toString(ts), "v1,bm90LWl0 " + sign("shared-secret", "msg_1", ts, BODY),
                BODY)).as("any of several signatures may match").isEmpty();
    }

    @Test
    void aWhsecSecretIsKeyedWithItsDecodedBytesAndAPlainOneWithItsUtf8Bytes() {
        long ts = NOW.getEpochSecond();
        StandardWebhookSignature standard = new StandardWebhookSignature("test.secret", WHSEC, Duration.ofMinutes(5));

        assertThat(check(standard, "msg_1", Long.toString(ts), sign(KEY, "msg_1", ts, BODY), BODY)).isEmpty();
        assertThat(check(standard, "msg_1", Long.toString(ts), sign(WHSEC, "msg_1", ts, BODY), BODY))
                .as("not the text of the whsec_ secret").isPresent();
        assertThat(check(signatures, "msg_1", Long.toString(ts),
                sign(Base64.getDecoder().decode(Base64.getEncoder().encodeToString("shared-secret".getBytes(StandardCharsets.UTF_8))),
                        "msg_1", ts, BODY), BODY)).as("a plain secret keeps its meaning").isEmpty();
        assertThat(StandardWebhookSignature.keyOf("test.secret", "whsec_c2VjcmV0")).isEqualTo("secret".getBytes(StandardCharsets.UTF_8));
        assertThat(StandardWebhookSignature.keyOf("test.secret", "whsec_c2VjcmU")).as("padding is optional")
                .isEqualTo(StandardWebhookSignature.keyOf("test.secret", "whsec_c2VjcmU="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"whsec_", "whsec_%%hunter2%%", "whsec_===="})
    void aWhsecSecretThatDoesNotDecodeStopsTheStartWithoutRepeatingIt(String secret) {
        assertThatThrownBy(() -> StandardWebhookSignature.keyOf("tokengov.some.secret", secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokengov.some.secret")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void forgedTamperedOrMisattributedDeliveriesAreUnauthentic() {
        long ts = NOW.getEpochSecond();
        assertThat(check(signatures, "msg_1", Long.toString(ts), sign("other-secret", "msg_1", ts, BODY), BODY))
                .contains(new StandardWebhookSignature.Refusal(false, "webhook-signature does not match"));
        assertThat(check(signatures, "msg_1", Long.toString(ts), sign("shared-secret", "msg_1", ts, BODY),
                BODY.replace("bob", "alice"))).contains(new StandardWebhookSignature.Refusal(false, "webhook-signature does not match"));
        assertThat(check(signatures, "msg_2", Long.toString(ts), sign("shared-secret", "msg_1", ts, BODY), BODY))
                .contains(new StandardWebhookSignature.Refusal(false, "webhook-signature does not match"));
        assertThat(check(signatures, "msg_1", Long.toString(ts), "v1,not base64!", BODY)).hasValueSatisfying(
                refusal -> assertThat(refusal.malformed()).isFalse());
    }

    @Test
    void staleOrFutureTimestampsAreUnauthentic() {
        long stale = NOW.minus(Duration.ofMinutes(5).plusSeconds(1)).getEpochSecond();
        long future = NOW.plus(Duration.ofMinutes(6)).getEpochSecond();
        long edge = NOW.minus(Duration.ofMinutes(5)).getEpochSecond();

        assertThat(check(signatures, "m", Long.toString(stale), sign("shared-secret", "m", stale, BODY), BODY))
                .contains(new StandardWebhookSignature.Refusal(false, "webhook-timestamp is too old or too far in the future"));
        assertThat(check(signatures, "m", Long.toString(future), sign("shared-secret", "m", future, BODY), BODY))
                .hasValueSatisfying(refusal -> assertThat(refusal.malformed()).isFalse());
        assertThat(check(signatures, "m", Long.toString(edge), sign("shared-secret", "m", edge, BODY), BODY)).isEmpty();
    }

    @Test
    void missingHeadersAreUnauthentic() {
        assertThat(check(signatures, null, "1", "v1,x", BODY)).contains(new StandardWebhookSignature.Refusal(false,
                "webhook-id, webhook-timestamp and webhook-signature headers are required"));
        assertThat(check(signatures, "m", null, "v1,x", BODY)).hasValueSatisfying(r -> assertThat(r.malformed()).isFalse());
        assertThat(check(signatures, "m", "1", null, BODY)).hasValueSatisfying(r -> assertThat(r.malformed()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "99999999999999999999", "9223372036854775807", "1000000000000", "-1", "1.5", "",
            "0x10"})
    void timestampsThatAreNotSecondsSinceTheEpochAreMalformed(String timestamp) {
        assertThat(check(signatures, "m", timestamp, "v1,x", BODY)).contains(
                new StandardWebhookSignature.Refusal(true, "webhook-timestamp must be seconds since the epoch"));
    }

    @Test
    void idsLongerThanTheirColumnOrWithControlCharactersAreMalformed() {
        long ts = NOW.getEpochSecond();
        String longest = "m".repeat(255);
        assertThat(check(signatures, longest, Long.toString(ts), sign("shared-secret", longest, ts, BODY), BODY)).isEmpty();
        for (String id : new String[] {"m".repeat(256), "msg\u0000", "msg\n1", " "}) {
            assertThat(check(signatures, id, Long.toString(ts), sign("shared-secret", id, ts, BODY), BODY))
                    .hasValueSatisfying(refusal -> assertThat(refusal.malformed()).as(id).isTrue());
        }
    }
}
