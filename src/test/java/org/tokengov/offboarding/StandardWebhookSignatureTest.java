package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signature checks: authentic, forged, tampered, stale, from the future, missing. */
class StandardWebhookSignatureTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final String BODY = "{\"type\":\"person.terminated\",\"username\":\"bob\",\"effectiveAt\":\"2026-11-28T12:00:00Z\"}";

    final StandardWebhookSignature signatures = new StandardWebhookSignature("shared-secret", Duration.ofMinutes(5));

    String sign(String secret, String id, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(
                new StandardWebhookSignature(secret, Duration.ofMinutes(5)).hmac(id + "." + timestamp + "." + body));
    }

    @Test
    void anAuthenticFreshDeliveryPasses() {
        long ts = NOW.getEpochSecond();
        assertThat(signatures.problem("msg_1", Long.toString(ts), sign("shared-secret", "msg_1", ts, BODY), BODY, NOW)).isEmpty();
        assertThat(signatures.problem("msg_1", Long.toString(ts), "v1,bm90LWl0 " + sign("shared-secret", "msg_1", ts, BODY),
                BODY, NOW)).as("any of several signatures may match").isEmpty();
    }

    @Test
    void forgedTamperedOrMisattributedDeliveriesFail() {
        long ts = NOW.getEpochSecond();
        assertThat(signatures.problem("msg_1", Long.toString(ts), sign("other-secret", "msg_1", ts, BODY), BODY, NOW))
                .contains("webhook-signature does not match");
        assertThat(signatures.problem("msg_1", Long.toString(ts), sign("shared-secret", "msg_1", ts, BODY),
                BODY.replace("bob", "alice"), NOW)).contains("webhook-signature does not match");
        assertThat(signatures.problem("msg_2", Long.toString(ts), sign("shared-secret", "msg_1", ts, BODY), BODY, NOW))
                .contains("webhook-signature does not match");
        assertThat(signatures.problem("msg_1", Long.toString(ts), "v1,not base64!", BODY, NOW)).isPresent();
    }

    @Test
    void staleOrFutureTimestampsFail() {
        long stale = NOW.minus(Duration.ofMinutes(5).plusSeconds(1)).getEpochSecond();
        long future = NOW.plus(Duration.ofMinutes(6)).getEpochSecond();
        long edge = NOW.minus(Duration.ofMinutes(5)).getEpochSecond();

        assertThat(signatures.problem("m", Long.toString(stale), sign("shared-secret", "m", stale, BODY), BODY, NOW))
                .contains("webhook-timestamp is too old or too far in the future");
        assertThat(signatures.problem("m", Long.toString(future), sign("shared-secret", "m", future, BODY), BODY, NOW))
                .isPresent();
        assertThat(signatures.problem("m", Long.toString(edge), sign("shared-secret", "m", edge, BODY), BODY, NOW)).isEmpty();
    }

    @Test
    void missingHeadersFail() {
        assertThat(signatures.problem(null, "1", "v1,x", BODY, NOW)).contains(
                "webhook-id, webhook-timestamp and webhook-signature headers are required");
        assertThat(signatures.problem("m", "yesterday", "v1,x", BODY, NOW)).contains("webhook-timestamp must be seconds since the epoch");
    }
}
