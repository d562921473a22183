package org.tokengov.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.tokengov.testsupport.HrWebhookClient;

/**
 * The intake's decisions without a server: 503 until a secret is set, 401 before anything in the body is read, 400 for
 * token-like values and malformed calls, and nothing handed to storage on any refusal.
 */
class UsageEventsControllerTest {

    static final String SECRET = "whsec_c2VjcmV0LWZvci10aGUtdGVzdA==";
    static final Clock CLOCK = Clock.fixed(UsageEventDeliveryTest.NOW, ZoneOffset.UTC);
    static final String BODY = "{\"calls\":[" + UsageEventDeliveryTest.call("c-1", ",\"records\":[\"7\"]") + "]}";

    final ReportedCalls storage = mock(ReportedCalls.class);

    UsageEventsController controller(String secret) {
        return new UsageEventsController(storage, new UsageIntakeProperties(secret, Duration.ofMinutes(5), 100), CLOCK);
    }

    ResponseEntity<Map<String, Object>> signed(UsageEventsController controller, String body) {
        long now = CLOCK.instant().getEpochSecond();
        return controller.receive("msg_1", Long.toString(now), HrWebhookClient.sign(SECRET, "msg_1", now, body),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutASecretTheIntakeAnswers503AndSaysWhichSetting() {
        ResponseEntity<Map<String, Object>> answer = signed(controller(null), BODY);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody()).containsEntry("error",
                "The usage-event intake is not configured (tokengov.usage.intake-secret).");
        assertThat(signed(controller(" "), BODY).getStatusCode().value()).isEqualTo(503);
        verify(storage, never()).store(anyList(), any());
    }

    @Test
    void unsignedOrForgedDeliveriesAre401() {
        long now = CLOCK.instant().getEpochSecond();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(controller(SECRET).receive(null, null, null, body).getStatusCode().value()).isEqualTo(401);
        assertThat(controller(SECRET).receive("msg_1", Long.toString(now),
                HrWebhookClient.sign("whsec_b3RoZXI=", "msg_1", now, BODY), body).getStatusCode().value()).isEqualTo(401);
        verify(storage, never()).store(anyList(), any());
    }

    @Test
    void aTokenLikeValueIsRefusedWithoutRepeatingIt() {
        String token = "ABCDEF0123456789ABCDEF0123456789";
        ResponseEntity<Map<String, Object>> answer = signed(controller(SECRET),
                "{\"calls\":[" + UsageEventDeliveryTest.call("c-1", ",\"filterLogic\":\"[t]='" + token + "'\"") + "]}");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("error")).asString()
                .startsWith("calls[0].filterLogic looks like an API token").contains("never send tokens")
                .doesNotContain(token);
        verify(storage, never()).store(anyList(), any());
    }

    @Test
    void malformedDeliveriesAre400AndStoreNothing() {
        assertThat(signed(controller(SECRET), "{\"calls\":[{\"id\":\"c-1\"}]}").getBody().get("error")).asString()
                .startsWith("calls[0] (id \"c-1\"): environment must be QA or PROD.");
        assertThat(signed(controller(SECRET), "[]").getBody().get("error")).asString()
                .isEqualTo("The body is not a delivery of usage events. The body must be one JSON object.");
        verify(storage, never()).store(anyList(), any());
    }

    @Test
    void anAuthenticDeliveryIsStoredAndAConcurrentDuplicateIsRetriedOnce() {
        when(storage.store(anyList(), any())).thenThrow(new DuplicateKeyException("raced")).thenReturn(0);

        ResponseEntity<Map<String, Object>> answer = signed(controller(SECRET), BODY);

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(answer.getBody()).containsEntry("received", 1).containsEntry("stored", 0);
        verify(storage, times(2)).store(anyList(), any());
    }
}
