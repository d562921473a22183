package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.ResidentMemory;

/**
 * Benchmark, not a test (skipped by {@code ./mvnw verify}). Database mode, {@code -Dbench.nodes} nodes (default 2, each
 * its own Spring context and port in this JVM, job executors on one PostgreSQL database), the REDCap simulator on
 * MariaDB, the mass-termination guard on with its defaults (more than 20 per hour
 * open a wave). {@code -Dbench.events} people (default 600) each hold 5 tokens (PROD 101-103, QA 201-202); one signed
 * {@code person.terminated} webhook per person is sent at {@code -Dbench.rate} per second (default 10), to the nodes
 * in turn.
 *
 * <p>Latency is measured at REDCap, not from the app's records: from sending the webhook until a call with each of
 * the person's 5 tokens answers 403. REDCap's tables are read every {@value #WATCH_MILLIS} ms for the values it would
 * still accept; once a leaver has none, a call with each token confirms the 403 (calls every {@value #PROBE_MILLIS} ms
 * only where the tables misled). Watching by calls alone cost more CPU than the offboardings it measured. The calls'
 * address is in the simulator's {@code rate_limiter_ip_range}, as a monitoring host's would be.
 * The first 20 departures in the hour take the normal path (values deleted); the rest form a wave (REDCap refuses
 * them by the account suspension, the values wait for an administrator): both are printed. Afterwards an
 * administrator confirms the wave, and every value must be gone from REDCap.
 *
 * <pre>./mvnw -o test -Dtest=OffboardingLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.events=600] [-Dbench.rate=10] [-Dbench.nodes=2]</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = OffboardingLatencyBenchmark.Servers.class)
class OffboardingLatencyBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 600);
    static final int RATE = Integer.getInteger("bench.rate", 10);
    static final int NODES = Integer.getInteger("bench.nodes", 2);
    static final long WATCH_MILLIS = 20;
    static final int WARM_UP = 5;
    static final long PROBE_MILLIS = 50;
    static final String PROBE_ADDRESS = "10.99.0.1";

    /** The benchmark servers, with the mass-termination guard on as in production. */
    static class Servers extends OffboardingBench.Servers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.offboarding.mass-termination.enabled=true").applyTo(context);
        }
    }

    /** A leaver's tokens as the probes call them: the values, read from REDCap's table by this benchmark only. */
    record Leaver(String username, Map<String, RedcapEnvironment> tokens) {
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final AtomicLong probes = new AtomicLong();
    final AtomicLong unconfirmed = new AtomicLong();
    final Map<Integer, AtomicLong> unconfirmedAnswers = new ConcurrentHashMap<>();
    final Map<RedcapEnvironment, JdbcTemplate> redcap = new java.util.EnumMap<>(RedcapEnvironment.class);

    @Test
    void timeUntilRedcapRefusesEveryTokenOfALeaver() throws Exception {
        List<String> people = OffboardingBench.people("lat", WARM_UP + EVENTS);
        OffboardingBench.createPeople(identity, people);
        IssuedTokens issue = new IssuedTokens(context);
        long seeding = System.nanoTime();
        Map<String, Leaver> leavers = new ConcurrentHashMap<>();
        for (String person : people) {
            Map<String, RedcapEnvironment> values = new java.util.HashMap<>();
            for (long project : List.of(101L, 102L, 103L)) {
                issue.issue(person, PROD, project);
                values.put(valueOf(issue, PROD, project, person), PROD);
            }
            for (long project : List.of(201L, 202L)) {
                issue.issue(person, QA, project);
                values.put(valueOf(issue, QA, project, person), QA);
            }
            leavers.put(person, new Leaver(person, values));
        }
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            issue.redcap(environment).update("REPLACE INTO redcap_config (field_name, value) VALUES"
                    + " ('rate_limiter_ip_range', ?)", PROBE_ADDRESS);
        }
        System.out.printf("seeded %d tokens in %.0f s%n", people.size() * 5, (System.nanoTime() - seeding) / 1e9);

        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            redcap.put(environment, issue.redcap(environment));
        }
        List<ConfigurableApplicationContext> replicas = new ArrayList<>();
        for (int node = 1; node < NODES; node++) {
            replicas.add(OffboardingBench.secondReplica(context));
        }
        List<HrWebhookClient> nodes = new ArrayList<>(List.of(new HrWebhookClient(RealServers.baseUrl(context),
                OffboardingBench.SECRET)));
        replicas.forEach(replica -> nodes.add(new HrWebhookClient(RealServers.baseUrl(replica), OffboardingBench.SECRET)));
        Map<String, Duration> refusedAfter = new ConcurrentHashMap<>();
        Map<String, String> eventOf = new ConcurrentHashMap<>();
        send(nodes, people.subList(0, WARM_UP), leavers, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        Instant start = Instant.now();
        send(nodes, people.subList(WARM_UP, people.size()), leavers, refusedAfter, eventOf);
        Duration total = Duration.between(start, Instant.now());

        Set<String> held = Set.copyOf(jdbc.sql("select event_id from termination_wave_member").query(String.class).list());
        List<Long> all = new ArrayList<>();
        List<Long> normal = new ArrayList<>();
        List<Long> guarded = new ArrayList<>();
        refusedAfter.forEach((person, latency) -> {
            all.add(latency.toMillis());
            (held.contains(eventOf.get(person)) ? guarded : normal).add(latency.toMillis());
        });
        all.sort(Long::compare);
        normal.sort(Long::compare);
        guarded.sort(Long::compare);

        confirmTheWave();
        awaitCompleted(WARM_UP + EVENTS);
        long stillInRedcap = 0;
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            stillInRedcap += issue.redcap(environment).queryForObject("SELECT COUNT(*) FROM redcap_user_rights"
                    + " WHERE username LIKE 'lat%' AND api_token IS NOT NULL", Long.class);
        }

        String memory = ResidentMemory.summary();
        replicas.forEach(ConfigurableApplicationContext::close);

        System.out.printf("%n=== OffboardingLatencyBenchmark (database mode, %d departures at %d/s, 5 tokens each,"
                + " %d node(s), PostgreSQL, guard threshold 20/h) ===%n", EVENTS, RATE, NODES);
        System.out.printf("webhook sent -> REDCap refuses all 5 tokens (its tables read every %d ms, then a call with"
                + " each token answers 403):%n", WATCH_MILLIS);
        print("all", all);
        print("normal path (values deleted)", normal);
        print("guard's path (account suspended, values kept until confirmed)", guarded);
        System.out.printf("sending took %.1f s; %d confirming calls; %d leaver(s) whose tables said refused before the"
                + " calls did (answers %s); values left in REDCap after the wave was confirmed: %d%n",
                total.toMillis() / 1000.0, probes.get(), unconfirmed.get(), unconfirmedAnswers, stillInRedcap);
        System.out.println(memory + " (this JVM: " + NODES + " node(s) and the simulator)");
        assertThat(all).hasSize(EVENTS);
        assertThat(guarded).as("the benchmark measures the guard's path too").isNotEmpty();
        assertThat(stillInRedcap).isZero();
    }

    private static void print(String path, List<Long> latencies) {
        if (latencies.isEmpty()) {
            System.out.printf("  %-62s none%n", path);
            return;
        }
        System.out.printf("  %-62s n=%d median %d ms, p95 %d ms, p99 %d ms, max %d ms%n", path, latencies.size(),
                OffboardingBench.percentile(latencies, 50), OffboardingBench.percentile(latencies, 95),
                OffboardingBench.percentile(latencies, 99), latencies.get(latencies.size() - 1));
    }

    /**
     * Sends each person's termination on schedule, to the nodes in turn, and watches REDCap until it refuses every one
     * of their tokens: one thread reads REDCap's tables every {@value #WATCH_MILLIS} ms for the tokens REDCap would
     * still accept (the value still held by a user not suspended), as that is what its API answers from; the moment
     * none is left is then confirmed by a call with each token, which must answer 403 (if one does not, that leaver is
     * probed by calls until refused, and counted).
     */
    private void send(List<HrWebhookClient> nodes, List<String> people, Map<String, Leaver> leavers,
            Map<String, Duration> refusedAfter, Map<String, String> eventOf) throws Exception {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        ExecutorService confirming = Executors.newFixedThreadPool(4);
        Map<String, Instant> watched = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread watch = new Thread(() -> watch(leavers, watched, refusedAfter, confirming, sending), "refusal-watch");
        watch.start();
        long periodMicros = 1_000_000L / RATE;
        for (int i = 0; i < people.size(); i++) {
            Leaver leaver = leavers.get(people.get(i));
            HrWebhookClient hr = nodes.get(i % nodes.size());
            clock.schedule(() -> {
                Instant sent = Instant.now();
                HttpResponse<String> answer = hr.deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED,
                        leaver.username(), null, sent));
                if (answer.statusCode() != 202) {
                    throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                }
                try {
                    eventOf.put(leaver.username(), new ObjectMapper().readTree(answer.body()).get("offboardingId").asText());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                watched.put(leaver.username(), sent);
            }, i * periodMicros, TimeUnit.MICROSECONDS);
        }
        clock.shutdown();
        assertThat(clock.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        sending.set(false);
        watch.join(TimeUnit.MINUTES.toMillis(3));
        confirming.shutdown();
        assertThat(confirming.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        assertThat(watched).as("leavers whose tokens REDCap still accepted after the watch ended").isEmpty();
    }

    private void watch(Map<String, Leaver> leavers, Map<String, Instant> watched, Map<String, Duration> refusedAfter,
            ExecutorService confirming, AtomicBoolean sending) {
        Instant deadline = null;
        while (!watched.isEmpty() || sending.get()) {
            if (!sending.get() && deadline == null) {
                deadline = Instant.now().plusSeconds(120);
            }
            if (deadline != null && Instant.now().isAfter(deadline)) {
                return;
            }
            // Only those watched before the read: a leaver added meanwhile was not asked about.
            List<String> asked = List.copyOf(watched.keySet());
            Set<String> accepted = stillAccepted(asked.stream().map(leavers::get).toList());
            Instant now = Instant.now();
            for (String person : asked) {
                Leaver leaver = leavers.get(person);
                if (leaver.tokens().keySet().stream().noneMatch(accepted::contains)) {
                    Instant sent = watched.remove(person);
                    confirming.submit(() -> refusedAfter.put(person, Duration.between(sent, confirmed(leaver, now))));
                }
            }
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The leavers' token values REDCap would still accept: held by a user who is not suspended. */
    private Set<String> stillAccepted(List<Leaver> watchedLeavers) {
        Set<String> accepted = new java.util.HashSet<>();
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            List<String> values = watchedLeavers.stream().flatMap(leaver -> leaver.tokens().entrySet().stream())
                    .filter(token -> token.getValue() == environment).map(Map.Entry::getKey).toList();
            if (values.isEmpty()) {
                continue;
            }
            String marks = String.join(",", java.util.Collections.nCopies(values.size(), "?"));
            accepted.addAll(redcap.get(environment).queryForList("SELECT ur.api_token FROM redcap_user_rights ur"
                    + " JOIN redcap_user_information ui ON ui.username = ur.username WHERE ur.api_token IN (" + marks + ")"
                    + " AND ui.user_suspended_time IS NULL", String.class, values.toArray()));
        }
        return accepted;
    }

    /** When REDCap's tables showed every token refused, if a call with each answers 403; else when calls found it. */
    private Instant confirmed(Leaver leaver, Instant seenInTables) {
        try {
            for (Map.Entry<String, RedcapEnvironment> token : leaver.tokens().entrySet()) {
                int status = call(token.getValue(), token.getKey());
                if (status != 403) {
                    unconfirmed.incrementAndGet();
                    unconfirmedAnswers.computeIfAbsent(status, any -> new AtomicLong()).incrementAndGet();
                    return allRefused(leaver);
                }
            }
            return seenInTables;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the last of the leaver's tokens was seen refused by calls (the fallback when the tables misled). */
    private Instant allRefused(Leaver leaver) throws Exception {
        Map<String, RedcapEnvironment> pending = new java.util.HashMap<>(leaver.tokens());
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            for (Map.Entry<String, RedcapEnvironment> token : List.copyOf(pending.entrySet())) {
                if (call(token.getValue(), token.getKey()) == 403) {
                    pending.remove(token.getKey());
                }
            }
            if (pending.isEmpty()) {
                return Instant.now();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(pending.size() + " token(s) of " + leaver.username() + " still work after 120 s");
            }
            Thread.sleep(PROBE_MILLIS);
        }
    }

    private int call(RedcapEnvironment environment, String token) throws Exception {
        probes.incrementAndGet();
        return http.send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/redcap-sim/"
                        + environment.name().toLowerCase() + "/api/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", PROBE_ADDRESS)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&content=version&format=json")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** An administrator confirms the wave, as in Tasklist (the decision task checks who completes it). */
    private void confirmTheWave() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Task decision;
        while ((decision = tasks.createTaskQuery().taskDefinitionKey("Task_ConfirmTerminationWave").singleResult()) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No wave to confirm");
            }
            Thread.sleep(100);
        }
        identity.setAuthentication("ada", List.of("redcap-admins"));
        try {
            tasks.complete(decision.getId(), Map.of("waveDecision", "CONFIRM"));
        } finally {
            identity.clearAuthentication();
        }
    }

    private static String valueOf(IssuedTokens issue, RedcapEnvironment environment, long project, String person) {
        return issue.redcap(environment).queryForObject("SELECT api_token FROM redcap_user_rights WHERE project_id = ?"
                + " AND username = ?", String.class, project, person);
    }

    private void awaitCompleted(int events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (jdbc.sql("select count(*) from offboarding_event where outcome = 'COMPLETED'").query(Long.class).single() < events) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Offboardings did not complete within 10 minutes");
            }
            Thread.sleep(200);
        }
    }
}
