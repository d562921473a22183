package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;

/**
 * Benchmark, not a test (skipped by {@code ./mvnw verify}). A lab closes on two replicas: {@code -Dbench.people}
 * people (default 1,000), each with a PROD token on project 101 and a QA token on 201, are terminated in one burst of
 * signed webhooks, half sent to each replica. Both replicas (two application contexts on different ports) run the job
 * executor on one PostgreSQL database and share the REDCap budget through it; REDCap is one simulator on MariaDB.
 * PROD runs in manual mode, so each PROD revocation is a REDCap API call (rights off) and the budget
 * ({@code -Dbench.budget}, default 300 calls a minute) sets the pace; QA runs in database mode. Prints the time until
 * REDCap refuses every token, the API calls REDCap's own log shows (in all, the most in any 60 s, the share of the
 * budget used in the busy minutes), tokens lost (still working in REDCap) and incidents once the follow-up work is done.
 *
 * <pre>./mvnw -o test -Dtest=OffboardingBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = OffboardingBurstBenchmark.BurstServers.class)
class OffboardingBurstBenchmark {

    static final int PEOPLE = Integer.getInteger("bench.people", 1_000);
    static final int BUDGET = Integer.getInteger("bench.budget", 300);
    static class BurstServers extends OffboardingBench.Servers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.redcap.environments.prod.token-administration=manual",
                    "tokengov.redcap.environments.prod.rate-budget-per-minute=" + BUDGET,
                    "tokengov.redcap.environments.qa.rate-budget-per-minute=" + BUDGET,
                    "tokengov.redcap.shared-budget=on",
                    // The wave would wait for an administrator's confirmation; REDCap's refusal is what is measured.
                    "tokengov.offboarding.mass-termination.enabled=false",
                    // Production's retries and REDCap time-outs, not the tests' quick ones: a slow answer under load
                    // is retried as in production, and only what production would make an incident counts.
                    "camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R5/PT1M",
                    "tokengov.redcap.environments.prod.request-timeout=PT30S",
                    "tokengov.redcap.environments.qa.request-timeout=PT30S",
                    "logging.level.org.tokengov.budgetwait=WARN").applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    @Test
    void aLabOfAThousandPeopleClosesAtOnceOnTwoReplicas() throws Exception {
        try (ConfigurableApplicationContext replicaB = OffboardingBench.secondReplica(context)) {
            burst(RealServers.baseUrl(context), RealServers.baseUrl(replicaB));
        }
    }

    private void burst(String replicaA, String replicaB) throws Exception {
        List<String> people = OffboardingBench.people("lab", PEOPLE);
        OffboardingBench.createPeople(identity, people);
        IssuedTokens issue = new IssuedTokens(context);
        long seeding = System.nanoTime();
        for (String person : people) {
            issue.issueByHand(person, PROD, 101);
            issue.issue(person, QA, 201);
        }
        System.out.printf("seeded %d tokens in %.0f s%n", PEOPLE * 2, (System.nanoTime() - seeding) / 1e9);
        OffboardingBench.analyze(jdbc);
        JdbcTemplate prod = issue.redcap(PROD);
        JdbcTemplate qa = issue.redcap(QA);
        assertThat(workingInRedcap(prod, qa)).isEqualTo(2L * PEOPLE);

        List<HrWebhookClient> replicas = List.of(new HrWebhookClient(replicaA, OffboardingBench.SECRET),
                new HrWebhookClient(replicaB, OffboardingBench.SECRET));
        Instant start = Instant.now();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            HrWebhookClient hr = replicas.get(i % 2);
            String person = people.get(i);
            answers.add(senders.submit(() -> hr.deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, person, null,
                    Instant.now()))));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(202);
        }
        senders.shutdown();
        Duration accepted = Duration.between(start, Instant.now());

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        while (workingInRedcap(prod, qa) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Duration allRefused = Duration.between(start, Instant.now());
        long lost = workingInRedcap(prod, qa);
        ZoneId redcapZone = ZoneId.of(context.getEnvironment().getProperty("redcap-sim.time-zone", "UTC"));
        List<Long> prodCallsWhileRevoking = OffboardingBench.apiCalls(prod, start.minusSeconds(1), Instant.now().plusSeconds(1),
                redcapZone);

        long settling = System.nanoTime();
        while (dueSoon() > 0 && System.nanoTime() - settling < TimeUnit.MINUTES.toNanos(10)) {
            Thread.sleep(1000);
        }
        Duration followUpDone = Duration.between(start, Instant.now());
        long incidents = runtime.createIncidentQuery().count();
        List<Long> prodCalls = OffboardingBench.apiCalls(prod, start.minusSeconds(1), Instant.now().plusSeconds(1), redcapZone);
        int peak = InactivitySweepBenchmark.peakPerMinute(prodCalls);

        System.out.printf("%n=== OffboardingBurstBenchmark (2 replicas, %d people, %d tokens, PROD manual, shared budget"
                + " %d calls/min) ===%n", PEOPLE, PEOPLE * 2, BUDGET);
        System.out.printf("all %d webhooks (half to each replica) accepted in %.1f s%n", PEOPLE, accepted.toMillis() / 1000.0);
        System.out.printf("every token refused by REDCap after %.1f s (%.1f min)%n", allRefused.toMillis() / 1000.0,
                allRefused.toMillis() / 60000.0);
        System.out.printf("REDCap PROD API calls: %d until then, %d in all (follow-up done after %.1f min); at most %d in"
                + " any 60 s (budget %d)%n", prodCallsWhileRevoking.size(), prodCalls.size(), followUpDone.toMillis() / 60000.0,
                peak, BUDGET);
        System.out.printf("calls per minute from the first: %s%n", perMinute(prodCalls));
        System.out.printf("budget used over the busy minutes: %.1f %%%n", busyShare(prodCallsWhileRevoking) * 100);
        System.out.printf("lost (PROD rights still on or QA token still in REDCap): %d; incidents: %d%n", lost, incidents);
        assertThat(peak).isLessThanOrEqualTo(BUDGET);
        assertThat(lost).isZero();
        assertThat(incidents).isZero();
    }

    /** PROD tokens whose API rights are still on, and QA tokens still in REDCap: what REDCap would still accept. */
    private static long workingInRedcap(JdbcTemplate prod, JdbcTemplate qa) {
        return prod.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = 101"
                + " AND username LIKE 'lab%' AND api_token IS NOT NULL AND (api_export + api_import + mobile_app) > 0", Long.class)
                + qa.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = 201"
                + " AND username LIKE 'lab%' AND api_token IS NOT NULL", Long.class);
    }

    /** Jobs with retries left due within two minutes: the follow-up work still to do, waits for the budget included. */
    private long dueSoon() {
        return jdbc.sql("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ < ?)")
                .param(Timestamp.from(Instant.now().plusSeconds(120))).query(Long.class).single();
    }

    private static List<Integer> perMinute(List<Long> epochSeconds) {
        List<Integer> minutes = new ArrayList<>();
        if (epochSeconds.isEmpty()) {
            return minutes;
        }
        long first = epochSeconds.get(0);
        for (long second : epochSeconds) {
            int minute = (int) ((second - first) / 60);
            while (minutes.size() <= minute) {
                minutes.add(0);
            }
            minutes.set(minute, minutes.get(minute) + 1);
        }
        return minutes;
    }

    /** Calls in the full minutes from the first call to the last, as a share of the budget those minutes allow. */
    private static double busyShare(List<Long> epochSeconds) {
        List<Integer> minutes = perMinute(epochSeconds);
        int full = minutes.size() - 1;
        if (full <= 0) {
            return Double.NaN;
        }
        return minutes.subList(0, full).stream().mapToInt(Integer::intValue).sum() / (double) (BUDGET * full);
    }
}
