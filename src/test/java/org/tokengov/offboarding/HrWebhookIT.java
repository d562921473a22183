package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** The signed HR webhook over real HTTP on PostgreSQL: accepted once per delivery id, and every refusal stores nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = HrWebhookIT.WithSecret.class)
class HrWebhookIT {

    static final String SECRET = "test-" + UUID.randomUUID();

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
        Set<String> bodies = new java.util.HashSet<>();
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
        assertThat(jdbc.queryForObject("select event_type from offboarding_event where username = 'hr-person-1'", String.class))
                .isEqualTo("person.terminated");
    }

    @Test
    void forgedStaleReplayedOrTamperedDeliveriesAreRefusedAndNothingIsStored() throws Exception {
        String body = terminated("hr-person-2");
        long now = Instant.now().getEpochSecond();
        long stale = now - Duration.ofMinutes(6).toSeconds();

        assertThat(send("msg_a", now, sign("wrong-secret", "msg_a", now, body), body, "application/json").statusCode())
                .isEqualTo(401);
        assertThat(send("msg_b", stale, sign(SECRET, "msg_b", stale, body), body, "application/json").statusCode())
                .isEqualTo(401);
        assertThat(send("msg_c", now, sign(SECRET, "msg_c", now, body), body.replace("hr-person-2", "hr-person-3"),
                "application/json").statusCode()).isEqualTo(401);
        assertThat(send(null, now, null, body, "application/json").statusCode()).isEqualTo(401);

        assertThat(eventsOf("hr-person-2")).isZero();
        assertThat(eventsOf("hr-person-3")).isZero();
        assertThat(processesOf("hr-person-2") + processesOf("hr-person-3")).as("nothing started").isZero();
    }

    @Test
    void aReplayedIdGetsTheFirstAnswerEvenWithAnotherSignedBody() {
        HrWebhookClient hr = new HrWebhookClient(RealServers.baseUrl(context), SECRET);
        HttpResponse<String> first = hr.deliver("msg_replay", terminated("hr-person-5"));
        HttpResponse<String> replay = hr.deliver("msg_replay", terminated("hr-person-6"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(eventsOf("hr-person-5")).isEqualTo(1);
        assertThat(eventsOf("hr-person-6")).as("a replayed id starts nothing").isZero();
        assertThat(processesOf("hr-person-5")).isEqualTo(1);
        assertThat(processesOf("hr-person-6")).isZero();
    }

    @Test
    void malformedEventsAndWrongContentTypesAreRefusedWithAMessage() throws Exception {
        long now = Instant.now().getEpochSecond();
        for (String body : List.of("not json", "{\"type\":\"person.hired\",\"username\":\"x\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}",
                "{\"type\":\"person.terminated\",\"username\":\"hr-person-4\",\"effectiveAt\":\"2026-11-28T00:00:00Z\",\"salary\":1}",
                "{\"type\":\"person.left_project\",\"username\":\"hr-person-4\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}",
                "{\"type\":\"person.terminated\",\"username\":\"hr-person-4\",\"effectiveAt\":\"tomorrow\"}")) {
            String id = "msg_" + UUID.randomUUID();
            HttpResponse<String> response = send(id, now, sign(SECRET, id, now, body), body, "application/json");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).contains("error");
        }
        String body = terminated("hr-person-4");
        assertThat(send("msg_t", now, sign(SECRET, "msg_t", now, body), body, "text/plain").statusCode()).isEqualTo(415);
        assertThat(eventsOf("hr-person-4")).isZero();
    }

    private int eventsOf(String username) {
        return jdbc.queryForObject("select count(*) from offboarding_event where username = ?", Integer.class, username);
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
}
