package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.RealServers;

/**
 * The signed HR webhook over real HTTP on PostgreSQL, with a secret in the Standard Webhooks form ({@code whsec_}):
 * accepted once per delivery id, and every refusal, each with its exact status, stores nothing: no offboarding event,
 * no delivery row, no process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = HrWebhookIT.WithSecret.class)
class HrWebhookIT {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(24));
    static final int LIMIT = 1024 * 1024;

    static class WithSecret extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.hr.webhook-secret=" + SECRET).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryService history;

    final HttpClient http = HttpClient.newHttpClient();

    static String terminated(String username) {
        return "{\"type\":\"person.terminated\",\"username\":\"" + username + "\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}";
    }

    @Test
    void anAuthenticEventIsAcceptedOnceEvenWhenSentTenTimesAtOnce() throws Exception {
        String id = "msg_" + UUID.randomUUID();
        String body = terminated("hr-person-1");
        long ts = Instant.now().getEpochSecond();

        ExecutorService senders = Executors.newFixedThreadPool(10);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(senders.submit((Callable<HttpResponse<String>>) () -> send(id, ts, sign(SECRET, id, ts, body), body, "application/json")));
        }
        Set<String> bodies = new HashSet<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            bodies.add(response.body());
        }
        senders.shutdown();

        assertThat(bodies).as("the same answer every time").hasSize(1);
        assertThat(bodies.iterator().next()).contains("offboardingId");
        assertThat(eventsOf("hr-person-1")).isEqualTo(1);
        assertThat(processesOf("hr-person-1")).as("one offboarding started").isEqualTo(1);
        assertThat(deliveries(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select event_type from offboarding_event where username = 'hr-person-1'", String.class))
                .isEqualTo("person.terminated");
    }

    @Test
    void forgedStaleReplayedOrTamperedDeliveriesAreRefusedAndNothingIsStored() throws Exception {
        String body = terminated("hr-person-2");
        long now = Instant.now().getEpochSecond();
        long stale = now - Duration.ofMinutes(6).toSeconds();

        assertThat(send("msg_a", now, sign("whsec_" + Base64.getEncoder().encodeToString("wrong".getBytes()), "msg_a", now, body),
                body, "application/json").statusCode()).isEqualTo(401);
        assertThat(send("msg_a2", now, sign(SECRET.substring("whsec_".length()), "msg_a2", now, body), body,
                "application/json").statusCode()).as("the secret's text is not its key").isEqualTo(401);
        assertThat(send("msg_b", stale, sign(SECRET, "msg_b", stale, body), body, "application/json").statusCode())
                .isEqualTo(401);
        assertThat(send("msg_c", now, sign(SECRET, "msg_c", now, body), body.replace("hr-person-2", "hr-person-3"),
                "application/json").statusCode()).isEqualTo(401);
        assertThat(send(null, now, null, body, "application/json").statusCode()).isEqualTo(401);

        assertNothingStored("hr-person-2", "msg_a", "msg_a2", "msg_b", "msg_c");
        assertNothingStored("hr-person-3");
    }

    @Test
    void theSameIdWithTheSameBodyGetsTheFirstAnswerAndWithAnotherBodyIsAConflict() {
        HrWebhookClient hr = new HrWebhookClient(RealServers.baseUrl(context), SECRET);
        HttpResponse<String> first = hr.deliver("msg_replay", terminated("hr-person-5"));
        HttpResponse<String> resent = hr.deliver("msg_replay", terminated("hr-person-5"));
        HttpResponse<String> reused = hr.deliver("msg_replay", terminated("hr-person-6"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(resent.statusCode()).isEqualTo(202);
        assertThat(resent.body()).isEqualTo(first.body());
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).contains("webhook-id msg_replay was already delivered with another body");
        assertThat(eventsOf("hr-person-5")).isEqualTo(1);
        assertThat(processesOf("hr-person-5")).isEqualTo(1);
        assertThat(deliveries("msg_replay")).isEqualTo(1);
        assertThat(hr.deliver("msg_replay", terminated("hr-person-5")).body()).as("the first answer still stands")
                .isEqualTo(first.body());
        assertNothingStored("hr-person-6");
    }

    @Test
    void aDeliveryStoredWithoutADigestKeepsItsFirstAnswer() {
        HrWebhookClient hr = new HrWebhookClient(RealServers.baseUrl(context), SECRET);
        HttpResponse<String> first = hr.deliver("msg_before_v11", terminated("hr-person-7"));
        jdbc.update("update hr_webhook_delivery set body_sha256 = null where webhook_id = 'msg_before_v11'");

        HttpResponse<String> later = hr.deliver("msg_before_v11", terminated("hr-person-8"));

        assertThat(later.statusCode()).isEqualTo(202);
        assertThat(later.body()).isEqualTo(first.body());
        assertNothingStored("hr-person-8");
    }

    @Test
    void malformedEventsAndWrongContentTypesAreRefusedWithAMessage() throws Exception {
        for (String body : List.of("not json", "{\"type\":\"person.hired\",\"username\":\"x\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}",
                "{\"type\":\"person.terminated\",\"username\":\"hr-person-4\",\"effectiveAt\":\"2026-11-28T00:00:00Z\",\"salary\":1}",
                "{\"type\":\"person.left_project\",\"username\":\"hr-person-4\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}",
                "{\"type\":\"person.terminated\",\"username\":\"hr-person-4\",\"effectiveAt\":\"tomorrow\"}")) {
            assertRefused(400, body, "error");
        }
        String body = terminated("hr-person-4");
        long now = Instant.now().getEpochSecond();
        assertThat(send("msg_t", now, sign(SECRET, "msg_t", now, body), body, "text/plain").statusCode()).isEqualTo(415);
        assertThat(send("msg_f", now, sign(SECRET, "msg_f", now, body), body, "application/x-www-form-urlencoded").statusCode())
                .isEqualTo(415);
        assertNothingStored("hr-person-4", "msg_t", "msg_f");
    }

    @Test
    void strictJsonRefusesWhatALenientReaderWouldGuessAt() throws Exception {
        Map<String, String> refusals = Map.of(
                "{\"type\":\"person.terminated\",\"username\":\"hr-person-9\",\"username\":\"someone-else\","
                        + "\"effectiveAt\":\"2026-11-28T00:00:00Z\"}", "Duplicate field 'username'",
                terminated("hr-person-9") + " " + terminated("hr-person-9"), "The body is not valid JSON",
                terminated("hr-person-9") + "x", "The body is not valid JSON",
                "{\"type\":\"person.terminated\",\"username\":123,\"effectiveAt\":\"2026-11-28T00:00:00Z\"}",
                "username must be a string.",
                "{\"type\":\"person.terminated\",\"username\":\"hr-person-9\",\"effectiveAt\":true}", "effectiveAt must be a string.",
                "{\"type\":\"person.left_project\",\"username\":\"hr-person-9\",\"projectId\":\"101\","
                        + "\"effectiveAt\":\"2026-11-28T00:00:00Z\"}", "projectId must be a whole number.",
                "{\"type\":\"person.terminated\",\"username\":null,\"effectiveAt\":\"2026-11-28T00:00:00Z\"}",
                "username is required",
                "{\"type\":null,\"username\":\"hr-person-9\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}", "type must be",
                "{\"type\":\"person.terminated\",\"username\":\"hr-person-9\",\"effectiveAt\":null}", "effectiveAt is required",
                "[" + terminated("hr-person-9") + "]", "The body must be one JSON object.");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            assertRefused(400, refusal.getKey(), refusal.getValue());
        }
        assertNothingStored("hr-person-9");
        assertNothingStored("someone-else");
    }

    @Test
    void datesOutOfASaneRangeControlCharactersAndOverlongIdsAreRefusedWith400() throws Exception {
        for (String effectiveAt : List.of("1999-12-31T23:59:59Z", "+999999-01-01T00:00:00Z", "999999-01-01T00:00:00Z",
                Instant.now().plus(Duration.ofDays(3653 + 2)).toString())) {
            assertRefused(400, "{\"type\":\"person.terminated\",\"username\":\"hr-person-10\",\"effectiveAt\":\"" + effectiveAt
                    + "\"}", "effectiveAt");
        }
        for (String username : List.of("hr-person-10\\u0000", "hr-person-10\\nadmin", "\\u001b[2Jhr-person-10")) {
            assertRefused(400, "{\"type\":\"person.terminated\",\"username\":\"" + username
                    + "\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}", "no control characters");
        }
        String body = terminated("hr-person-10");
        long now = Instant.now().getEpochSecond();
        String overlong = "m".repeat(256);
        HttpResponse<String> longId = send(overlong, now, sign(SECRET, overlong, now, body), body, "application/json");
        assertThat(longId.statusCode()).isEqualTo(400);
        assertThat(longId.body()).contains("webhook-id must be 1 to 255 characters");
        HttpResponse<String> tabbedId = send("msg\t1", now, sign(SECRET, "msg\t1", now, body), body, "application/json");
        assertThat(tabbedId.statusCode()).isEqualTo(400);
        HttpResponse<String> overflow = exchange(request(body, "application/json", b -> b
                .header("webhook-id", "msg_overflow").header("webhook-timestamp", "99999999999999999999")
                .header("webhook-signature", sign(SECRET, "msg_overflow", now, body))));
        assertThat(overflow.statusCode()).isEqualTo(400);
        assertThat(overflow.body()).contains("webhook-timestamp must be seconds since the epoch");

        assertNothingStored("hr-person-10", overlong, "msg_overflow");

        String longest = "m".repeat(255);
        String fits = terminated("hr-person-10b");
        assertThat(send(longest, now, sign(SECRET, longest, now, fits), fits, "application/json").statusCode())
                .as("255 characters fit the column").isEqualTo(202);
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413DeclaredOrChunked() throws Exception {
        String body = terminated("hr-person-11");
        String padded = body.substring(0, body.length() - 1) + ",\"pad\":\"" + "x".repeat(LIMIT) + "\"}";
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> declared = send("msg_large", now, sign(SECRET, "msg_large", now, padded), padded, "application/json");
        HttpResponse<String> chunked = exchange(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/api/hr/events"))
                .header("Content-Type", "application/json").header("webhook-id", "msg_large_chunked")
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", sign(SECRET, "msg_large_chunked", now, padded))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8)))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("larger than 1048576 bytes");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertNothingStored("hr-person-11", "msg_large", "msg_large_chunked");
    }

    @Test
    void aForeignOriginIsRefusedWith403AndTheOwnOriginIsNot() throws Exception {
        String body = terminated("hr-person-12");
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> foreign = exchange(request(body, "application/json", b -> b.header("Origin", "https://evil.example.org")
                .header("webhook-id", "msg_cross").header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", sign(SECRET, "msg_cross", now, body))));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertNothingStored("hr-person-12", "msg_cross");

        HttpResponse<String> own = exchange(request(body, "application/json", b -> b.header("Origin", RealServers.baseUrl(context))
                .header("webhook-id", "msg_own").header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", sign(SECRET, "msg_own", now, body))));
        assertThat(own.statusCode()).isEqualTo(202);
    }

    /** A correctly signed delivery of the body is refused with the status, its error naming the reason. */
    private void assertRefused(int status, String body, String reason) {
        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response = send(id, now, sign(SECRET, id, now, body), body, "application/json");
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.body()).as(body).contains("\"error\"", reason);
        assertThat(deliveries(id)).isZero();
    }

    /** No offboarding event or process for the person, no delivery row for the ids. */
    private void assertNothingStored(String username, String... webhookIds) {
        assertThat(eventsOf(username)).as("events of " + username).isZero();
        assertThat(processesOf(username)).as("processes of " + username).isZero();
        for (String id : webhookIds) {
            assertThat(deliveries(id)).as("deliveries of " + id).isZero();
        }
    }

    private int eventsOf(String username) {
        return jdbc.queryForObject("select count(*) from offboarding_event where username = ?", Integer.class, username);
    }

    private int deliveries(String webhookId) {
        return jdbc.queryForObject("select count(*) from hr_webhook_delivery where webhook_id = ?", Integer.class, webhookId);
    }

    private int processesOf(String username) {
        return (int) history.createHistoricProcessInstanceQuery().processDefinitionKey(OffboardingVariables.PROCESS)
                .variableValueEquals(OffboardingVariables.USERNAME, username).count();
    }

    private static String sign(String secret, String id, long timestamp, String body) {
        return HrWebhookClient.sign(secret, id, timestamp, body);
    }

    private HttpResponse<String> send(String id, long timestamp, String signature, String body, String contentType) {
        return new HrWebhookClient(RealServers.baseUrl(context), SECRET).send(id, timestamp, signature, body, contentType);
    }

    private HttpRequest.Builder request(String body, String contentType, UnaryOperator<HttpRequest.Builder> headers) {
        return headers.apply(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/api/hr/events"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
