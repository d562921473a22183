package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;

/**
 * Benchmark, not a test (skipped by {@code ./mvnw verify}). A lab closes: {@code -Dbench.people} people (default
 * 1,000), each with a PROD token on project 101 and a QA token on 201, are terminated in one burst of signed
 * webhooks. PROD runs in manual mode here, so each PROD revocation is a REDCap API call (rights off) and the rate
 * budget ({@code -Dbench.budget}, default 300 calls a minute) sets the pace; QA runs in database mode. Prints the
 * time until every token is revoked, the most API calls REDCap's own log shows in any 60 s, and how many were lost.
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
                    "tokengov.redcap.environments.qa.rate-budget-per-minute=" + BUDGET).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    @Test
    void aLabOfAThousandPeopleClosesAtOnce() throws Exception {
        List<String> people = OffboardingBench.people("lab", PEOPLE);
        OffboardingBench.createPeople(identity, people);
        IssuedTokens issue = new IssuedTokens(context);
        long seeding = System.nanoTime();
        for (String person : people) {
            issue.issueByHand(person, PROD, 101);
            issue.issue(person, QA, 201);
        }
        System.out.printf("seeded %d tokens in %.0f s%n", PEOPLE * 2, (System.nanoTime() - seeding) / 1e9);

        HrWebhookClient hr = new HrWebhookClient(RealServers.baseUrl(context), OffboardingBench.SECRET);
        Instant start = Instant.now();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (String person : people) {
            answers.add(senders.submit(() -> hr.deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, person, null,
                    Instant.now()))));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(202);
        }
        senders.shutdown();
        Duration accepted = Duration.between(start, Instant.now());

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        while (liveTokens() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Duration allRevoked = Duration.between(start, Instant.now());
        List<Long> prodCalls = OffboardingBench.apiCalls(issue.redcap(PROD), start.minusSeconds(1), Instant.now().plusSeconds(1));
        int peak = InactivitySweepBenchmark.peakPerMinute(prodCalls);
        long lost = liveTokens() + issue.redcap(PROD).queryForObject("SELECT COUNT(*) FROM redcap_user_rights"
                + " WHERE username LIKE 'lab%' AND (api_export + api_import + mobile_app) > 0", Long.class)
                + issue.redcap(QA).queryForObject("SELECT COUNT(*) FROM redcap_user_rights"
                + " WHERE username LIKE 'lab%' AND api_token IS NOT NULL", Long.class);
        long incidents = runtime.createIncidentQuery().count();

        System.out.printf("%n=== OffboardingBurstBenchmark (%d people, %d tokens, PROD budget %d calls/min) ===%n",
                PEOPLE, PEOPLE * 2, BUDGET);
        System.out.printf("all %d webhooks accepted in %.1f s%n", PEOPLE, accepted.toMillis() / 1000.0);
        System.out.printf("every token revoked after %.1f s (%.1f min)%n", allRevoked.toMillis() / 1000.0,
                allRevoked.toMillis() / 60000.0);
        System.out.printf("REDCap PROD API calls: %d in all, at most %d in any 60 s (budget %d)%n", prodCalls.size(), peak, BUDGET);
        System.out.printf("lost (still live or still with API rights): %d; incidents: %d%n", lost, incidents);
        assertThat(peak).isLessThanOrEqualTo(BUDGET);
        assertThat(lost).isZero();
    }

    private long liveTokens() {
        return jdbc.sql("select count(*) from api_token where holder like 'lab%' and state in ('ACTIVE', 'QA_ACTIVE', 'SUSPENDED')")
                .query(Long.class).single();
    }
}
