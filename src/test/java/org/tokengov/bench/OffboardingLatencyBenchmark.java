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
 * <p>Latency is measured at REDCap, not from the app's records: from sending the webhook until REDCap refuses each of
 * the person's 5 tokens. REDCap's tables are read every {@value #WATCH_MILLIS} ms for the values it would still accept
 * (the moment none is left is the leaver's); once the sending is over, a call with each token must answer 403, or the
 * benchmark fails. Watching by calls alone cost more CPU than the offboardings it measured. The calls' address is in
 * the simulator's {@code rate_limiter_ip_range}, as a monitoring host's would be.
 *
 * <p>First {@value #WARM_UP} departures warm both nodes up through both paths; their wave is confirmed and their steps
 * finish before the measurement (their figures are printed apart). Then the first 20 departures take the normal path
 * (values deleted); the rest form a wave (REDCap refuses them by the account suspension, the values wait for an
 * administrator): both are printed. Afterwards an administrator confirms the wave, and every value must be gone from
 * REDCap.
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
    /** More than the guard's threshold: the warm-up takes both paths on every node, and opens a wave of its own. */
    static final int WARM_UP = 40;
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
    final Map<String, Instant> sentAt = new ConcurrentHashMap<>();
    final Map<String, Instant> answeredAt = new ConcurrentHashMap<>();
    volatile Instant lastSent;
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
        OffboardingBench.analyze(jdbc);

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
        // The warm-up: both paths on every node (the JIT compiles what the measurement runs), its wave confirmed, and
        // every step it started finished (its offboardings complete, then no job due and no mail waiting). The
        // decision restarts the guard's count, so the measured departures again begin with the normal path. Its
        // figures are printed: they are the nodes' first minutes.
        Map<String, Duration> warmUpRefusedAfter = new ConcurrentHashMap<>();
        Map<String, String> warmUpEventOf = new ConcurrentHashMap<>();
        send(nodes, people.subList(0, WARM_UP), leavers, warmUpRefusedAfter, warmUpEventOf);
        confirmTheWave();
        awaitCompleted(WARM_UP);
        awaitSettled();
        List<Long> warmUp = warmUpRefusedAfter.values().stream().map(Duration::toMillis).sorted().toList();
        Map<String, Stages> warmUpStages = stages(warmUpEventOf);
        List<String> slowestWarmUp = slowest(warmUpRefusedAfter);

        Map<String, Duration> refusedAfter = new ConcurrentHashMap<>();
        Map<String, String> eventOf = new ConcurrentHashMap<>();
        Instant start = Instant.now();
        send(nodes, people.subList(WARM_UP, people.size()), leavers, refusedAfter, eventOf);
        Duration total = Duration.between(start, lastSent);

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

        List<String> slowest = slowest(refusedAfter);
        Map<String, Stages> stages = stages(eventOf);

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
        print("warm-up before the measurement (nodes just started; not above)", warmUp);
        printStages(stages, slowest, refusedAfter);
        System.out.println("  the warm-up's six slowest (nodes just started; a held one's last job is after its wave's"
                + " confirmation):");
        printStages(warmUpStages, slowestWarmUp, warmUpRefusedAfter);
        System.out.printf("sending took %.1f s; %d confirming calls; values left in REDCap after the wave was"
                + " confirmed: %d%n", total.toMillis() / 1000.0, probes.get(), stillInRedcap);
        System.out.println(memory + " (this JVM: " + NODES + " node(s) and the simulator)");
        assertThat(all).hasSize(EVENTS);
        assertThat(unconfirmedAnswers).as("answers other than 403 to a token REDCap's tables showed refused").isEmpty();
        assertThat(guarded).as("the benchmark measures the guard's path too").isNotEmpty();
        assertThat(stillInRedcap).isZero();
    }

    /**
     * Where a leaver's time went, from the engine's job log: sent → the webhook answered (the event stored, its process
     * started up to the first asynchronous step), → the first REDCap job created, → the last one done.
     */
    record Stages(long answered, long jobCreated, long jobsDone) {
    }

    private Map<String, Stages> stages(Map<String, String> eventOf) {
        Map<String, String> personOf = new java.util.HashMap<>();
        eventOf.forEach((person, event) -> personOf.put(event, person));
        Map<String, Stages> stages = new java.util.HashMap<>();
        jdbc.sql("""
                select p.business_key_, min(case when j.job_state_ = 0 then j.timestamp_ end),
                    max(case when j.job_state_ = 2 then j.timestamp_ end)
                from act_hi_job_log j join act_hi_procinst p on p.id_ = j.process_instance_id_
                where p.proc_def_key_ = 'OffboardingProcess'
                  and j.act_id_ in ('Task_RefuseTokensReversibly', 'Task_RevokeTokensInRedcap')
                group by p.business_key_""")
                .query(rs -> {
                    String person = personOf.get(rs.getString(1));
                    if (person != null && rs.getTimestamp(2) != null && rs.getTimestamp(3) != null) {
                        Instant sent = sentAt.get(person);
                        stages.put(person, new Stages(Duration.between(sent, answeredAt.get(person)).toMillis(),
                                Duration.between(sent, rs.getTimestamp(2).toInstant()).toMillis(),
                                Duration.between(sent, rs.getTimestamp(3).toInstant()).toMillis()));
                    }
                });
        return stages;
    }

    private static List<String> slowest(Map<String, Duration> refusedAfter) {
        return refusedAfter.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .limit(6).map(Map.Entry::getKey).toList();
    }

    private static void printStages(Map<String, Stages> stages, List<String> slowest,
            Map<String, Duration> refusedAfter) {
        System.out.printf("where the time went (ms after sending: webhook answered / first REDCap job created"
                + " / last one done / REDCap refused all):%n");
        List<Long> answered = stages.values().stream().map(Stages::answered).sorted().toList();
        List<Long> created = stages.values().stream().map(Stages::jobCreated).sorted().toList();
        List<Long> done = stages.values().stream().map(Stages::jobsDone).sorted().toList();
        System.out.printf("  medians %d / %d / %d; p99 %d / %d / %d%n", OffboardingBench.percentile(answered, 50),
                OffboardingBench.percentile(created, 50), OffboardingBench.percentile(done, 50),
                OffboardingBench.percentile(answered, 99), OffboardingBench.percentile(created, 99),
                OffboardingBench.percentile(done, 99));
        for (String person : slowest) {
            Stages stage = stages.get(person);
            System.out.printf("  %s: %s / %d%n", person, stage == null ? "?" : stage.answered() + " / "
                    + stage.jobCreated() + " / " + stage.jobsDone(), refusedAfter.get(person).toMillis());
        }
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
     * none is left is then confirmed by a call with each token, which must answer 403. The calls are made once the
     * sending is over: on these 2 cores, confirming while it ran took about a third of the nodes' CPU from the
     * offboardings it measured. A refusal cannot be taken back in this run (no wave is rejected), so a later 403
     * confirms the moment the tables showed; any other answer fails the benchmark.
     */
    private void send(List<HrWebhookClient> nodes, List<String> people, Map<String, Leaver> leavers,
            Map<String, Duration> refusedAfter, Map<String, String> eventOf) throws Exception {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        Map<String, Instant> watched = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread watch = new Thread(() -> watch(leavers, watched, refusedAfter, sending), "refusal-watch");
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
                answeredAt.put(leaver.username(), Instant.now());
                sentAt.put(leaver.username(), sent);
                lastSent = sent;
                watched.put(leaver.username(), sent);
            }, i * periodMicros, TimeUnit.MICROSECONDS);
        }
        clock.shutdown();
        assertThat(clock.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        sending.set(false);
        watch.join(TimeUnit.MINUTES.toMillis(3));
        assertThat(watched).as("leavers whose tokens REDCap still accepted after the watch ended").isEmpty();
        ExecutorService confirming = Executors.newFixedThreadPool(4);
        for (String person : refusedAfter.keySet()) {
            confirming.submit(() -> confirm(leavers.get(person)));
        }
        confirming.shutdown();
        assertThat(confirming.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
    }

    /** Reads REDCap's tables every {@value #WATCH_MILLIS} ms until every watched leaver's tokens are refused. */
    private void watch(Map<String, Leaver> leavers, Map<String, Instant> watched, Map<String, Duration> refusedAfter,
            AtomicBoolean sending) {
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
                    refusedAfter.put(person, Duration.between(watched.remove(person), now));
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

    /** A call with each of the leaver's tokens, which must answer 403; other answers are counted. */
    private void confirm(Leaver leaver) {
        try {
            for (Map.Entry<String, RedcapEnvironment> token : leaver.tokens().entrySet()) {
                int status = call(token.getValue(), token.getKey());
                if (status != 403) {
                    unconfirmedAnswers.computeIfAbsent(status, any -> new AtomicLong()).incrementAndGet();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
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

    /**
     * Until no job is due and no mail waits, twice in a row a second apart: what the offboardings left behind
     * (lifecycles ending, notices, mails) is done.
     */
    private void awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        int quiet = 0;
        while (quiet < 2) {
            long busy = jdbc.sql("""
                    select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= ?)""")
                    .param(java.sql.Timestamp.from(Instant.now())).query(Long.class).single()
                    + jdbc.sql("select count(*) from mail_outbox where status = 'PENDING'").query(Long.class).single();
            quiet = busy == 0 ? quiet + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still " + busy + " due job(s) or waiting mail(s) after 5 minutes");
            }
            Thread.sleep(1000);
        }
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
