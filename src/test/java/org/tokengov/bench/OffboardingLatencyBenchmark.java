package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;

/**
 * Benchmark, not a test (skipped by {@code ./mvnw verify}). On PostgreSQL and the REDCap simulator on MariaDB, with
 * the job executor running: {@code -Dbench.events} people (default 200) each hold 5 tokens (PROD 101-103, QA
 * 201-202); one signed {@code person.terminated} webhook per person is sent at {@code -Dbench.rate} events per second
 * (default 5). Latency = from sending the webhook to the last of the person's tokens confirmed revoked in REDCap.
 *
 * <pre>./mvnw -o test -Dtest=OffboardingLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = OffboardingBench.Servers.class)
class OffboardingLatencyBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 200);
    static final int RATE = Integer.getInteger("bench.rate", 5);
    static final int WARM_UP = 10;

    @Autowired ConfigurableApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    @Test
    void latencyFromWebhookToLastTokenRevoked() throws Exception {
        List<String> people = OffboardingBench.people("lat", WARM_UP + EVENTS);
        OffboardingBench.createPeople(identity, people);
        IssuedTokens issue = new IssuedTokens(context);
        long seeding = System.nanoTime();
        for (String person : people) {
            for (long project : List.of(101L, 102L, 103L)) {
                issue.issue(person, PROD, project);
            }
            for (long project : List.of(201L, 202L)) {
                issue.issue(person, QA, project);
            }
        }
        System.out.printf("seeded %d tokens in %.0f s%n", people.size() * 5, (System.nanoTime() - seeding) / 1e9);

        HrWebhookClient hr = new HrWebhookClient(RealServers.baseUrl(context), OffboardingBench.SECRET);
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        send(hr, people.subList(0, WARM_UP), new ConcurrentHashMap<>());
        awaitCompleted(WARM_UP);
        Instant start = Instant.now();
        send(hr, people.subList(WARM_UP, people.size()), sentAt);
        awaitCompleted(WARM_UP + EVENTS);
        Duration total = Duration.between(start, Instant.now());

        Map<String, Instant> last = OffboardingBench.lastRevocations(jdbc, List.copyOf(sentAt.keySet()));
        List<Long> latencies = new ArrayList<>();
        sentAt.forEach((event, sent) -> latencies.add(Duration.between(sent, last.get(event)).toMillis()));
        latencies.sort(Long::compare);
        long stillValid = new IssuedTokens(context).redcap(PROD).queryForObject(
                "SELECT COUNT(*) FROM redcap_user_rights WHERE username LIKE 'lat%' AND api_token IS NOT NULL", Long.class)
                + new IssuedTokens(context).redcap(QA).queryForObject(
                "SELECT COUNT(*) FROM redcap_user_rights WHERE username LIKE 'lat%' AND api_token IS NOT NULL", Long.class);

        System.out.printf("%n=== OffboardingLatencyBenchmark (%d events at %d/s, 5 tokens each, PostgreSQL) ===%n", EVENTS, RATE);
        System.out.printf("webhook sent -> last token revoked in REDCap: median %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                OffboardingBench.percentile(latencies, 50), OffboardingBench.percentile(latencies, 95),
                OffboardingBench.percentile(latencies, 99), latencies.get(latencies.size() - 1));
        System.out.printf("all %d offboardings completed %.1f s after the first was sent; tokens still valid in REDCap: %d%n",
                EVENTS, total.toMillis() / 1000.0, stillValid);
        assertThat(latencies).hasSize(EVENTS);
        assertThat(stillValid).isZero();
    }

    private static void send(HrWebhookClient hr, List<String> people, Map<String, Instant> sentAt) throws Exception {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        long periodMicros = 1_000_000L / RATE;
        for (int i = 0; i < people.size(); i++) {
            String person = people.get(i);
            clock.schedule(() -> {
                Instant sent = Instant.now();
                HttpResponse<String> answer = hr.deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, person, null, sent));
                if (answer.statusCode() != 202) {
                    throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                }
                try {
                    sentAt.put(new ObjectMapper().readTree(answer.body()).get("offboardingId").asText(), sent);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }, i * periodMicros, TimeUnit.MICROSECONDS);
        }
        clock.shutdown();
        assertThat(clock.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(sentAt).hasSize(people.size());
    }

    private void awaitCompleted(int events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (jdbc.sql("select count(*) from offboarding_event where outcome = 'COMPLETED'").query(Long.class).single() < events) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Offboardings did not complete within 10 minutes");
            }
            Thread.sleep(100);
        }
    }
}
