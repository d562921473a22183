package org.tokengov.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.SimulatorHttp;
import org.tokengov.testsupport.TestDatabases;

/**
 * A rolling upgrade under load, as Kubernetes runs one: replica A runs the previous release (its jar built from git,
 * {@link PreviousRelease}), and while people file token requests (REST, QA tokens issued by the job executor) and HR
 * reports terminations (signed webhook, tokens revoked), replica B of this version starts on the same database: its
 * Flyway migrations and deployment run while A works. Both serve traffic for a while, then A gets SIGTERM and the load
 * stays on B. Nothing may be lost: every token issued is in REDCap once and in the registry once with one lifecycle,
 * every terminated person's token is refused by REDCap, every request either waits for its QA results or was closed,
 * no process instance is left without a job, task, subscription or incident, and there is no incident.
 * <p>
 * Both replicas run in JVMs of their own ({@code java -jar}): B from the jar {@code package} built of this tree, which
 * {@code ./mvnw verify} makes before the integration tests run. Each replica serves the REDCap simulator too, both on
 * the same MariaDB databases: one REDCap behind two web servers.
 */
class RollingUpgradeIT {

    static final Path LOGS = Path.of("target", "rolling-upgrade").toAbsolutePath();
    static final String PASSWORD = "demo";
    static final long QA_PROJECT = 201;
    static final String QA_TASK = "Task_DevelopAndTestInQa";

    final String postgres = TestDatabases.newPostgresDatabase("tokengov");
    final String redcapQa = TestDatabases.newMariaDbDatabase("redcap_qa");
    final String redcapProd = TestDatabases.newMariaDbDatabase("redcap_prod");
    final String webhookSecret = random();
    final String auditKey = "audit-key-" + random();
    final JdbcTemplate engineDb = new JdbcTemplate(new DriverManagerDataSource(postgres, TestDatabases.POSTGRES_USER, ""));
    final JdbcTemplate redcapQaDb = new JdbcTemplate(new DriverManagerDataSource(redcapQa, TestDatabases.MARIADB_USER, ""));

    /** The replicas the load balancer sends traffic to, in turn. */
    final List<AppNode> live = new CopyOnWriteArrayList<>();
    final List<AppNode> started = new ArrayList<>();
    final AtomicInteger turn = new AtomicInteger();

    /** Person → the request's process instance and the replica that accepted it. */
    final Map<String, Accepted> requests = new ConcurrentHashMap<>();
    /** Person → the replica that accepted their termination. */
    final Map<String, AppNode> terminations = new ConcurrentHashMap<>();
    /** Person → the QA token REDCap held for them before their termination (kept in memory only, never printed). */
    final Map<String, String> tokensBeforeTermination = new ConcurrentHashMap<>();
    /** Answers that were not what a healthy replica gives, by what was sent. */
    final List<String> failures = new CopyOnWriteArrayList<>();

    record Accepted(String processInstanceId, AppNode node) {
    }

    @AfterEach
    void stopReplicas() {
        started.forEach(AppNode::stopQuietly);
    }

    @Test
    void aRollingUpgradeUnderLoadLosesNoRedcapChangeAndStrandsNoInstance() throws Exception {
        Path previousJar = PreviousRelease.jar();
        Path currentJar = currentJar();
        long begin = System.nanoTime();

        AppNode a = start("node-a-" + PreviousRelease.COMMIT, previousJar);
        a.awaitReady(Duration.ofMinutes(8));
        live.add(a);
        List<String> people = provisionPeople(300);
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
        load.scheduleWithFixedDelay(guarded(() -> fileRequest(people, next)), 0, 2, TimeUnit.SECONDS);
        load.scheduleWithFixedDelay(guarded(this::terminateEveryThirdHolder), 1, 1, TimeUnit.SECONDS);
        awaitCondition("A accepts requests and a termination", Duration.ofMinutes(1),
                () -> acceptedBy(a) >= 5 && terminatedBy(a) >= 1);
        log("A alone", begin);

        int migrationsBefore = appliedMigrations();
        int acceptedByABeforeB = acceptedBy(a);
        AppNode b = start("node-b-current", currentJar);
        b.awaitReady(Duration.ofMinutes(8));
        int migrationsByB = appliedMigrations() - migrationsBefore;
        int acceptedByAWhileBStarted = acceptedBy(a) - acceptedByABeforeB;
        log("B started while A worked (" + migrationsByB + " migration(s) applied by B)", begin);
        live.add(b);
        awaitCondition("both replicas serve", Duration.ofMinutes(1), () -> acceptedBy(b) >= 2);

        live.remove(a);
        int exit = a.terminate(Duration.ofSeconds(60));
        log("A stopped by SIGTERM (exit " + exit + ")", begin);
        int acceptedByB = acceptedBy(b);
        int terminatedByB = terminatedBy(b);
        awaitCondition("B alone accepts requests and a termination", Duration.ofMinutes(1),
                () -> acceptedBy(b) >= acceptedByB + 4 && terminatedBy(b) >= terminatedByB + 1);
        load.shutdown();
        assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        log("load stopped: " + requests.size() + " requests, " + terminations.size() + " terminations", begin);

        awaitCarriedOut(Duration.ofMinutes(5));
        log("all carried out", begin);

        assertThat(failures).as("answers a healthy replica does not give").isEmpty();
        assertThat(acceptedByAWhileBStarted).as("A kept working while B started").isPositive();
        SimulatorHttp redcap = new SimulatorHttp(b.baseUrl());
        for (String person : requests.keySet()) {
            if (terminations.containsKey(person)) {
                // Booleans, not the Optional: a failure must not print a token.
                assertThat(qaToken(person).isPresent()).as(person + " left: REDCap holds no token of theirs").isFalse();
                assertThat(redcap.versionStatus("qa", tokensBeforeTermination.get(person)))
                        .as(person + "'s token is refused by REDCap").isEqualTo(403);
                assertThat(liveTokens(person)).as(person + " left: no live token in the registry").isZero();
                assertThat(running(requests.get(person).processInstanceId())).as(person + "'s request closed").isFalse();
            } else {
                assertThat(qaToken(person).isPresent()).as(person + "'s QA token is in REDCap").isTrue();
                assertThat(redcap.versionStatus("qa", qaToken(person).orElseThrow())).as(person + "'s token works")
                        .isEqualTo(200);
                assertThat(engineDb.queryForList("select id from api_token where holder = ? and environment = 'QA'",
                        String.class, person)).as(person + "'s token is in the registry once").hasSize(1);
                assertThat(liveTokens(person)).as(person + "'s token is live").isEqualTo(1);
                assertThat(lifecyclesOf(person)).as(person + "'s token has one lifecycle").isEqualTo(1);
                assertThat(waitsForQaResults(person)).as(person + "'s request waits for the QA results").isTrue();
            }
        }
        assertThat(strandedInstances()).as("instances without a job, task, subscription or incident").isEmpty();
        assertThat(engineDb.queryForList("select incident_msg_ from act_ru_incident", String.class)).as("incidents")
                .isEmpty();
        System.out.printf("Rolling upgrade: %d requests (%d by A, %d by B), %d terminations (%d by A, %d by B), "
                        + "instances by definition %s, %.0f s from A's start%n", requests.size(), acceptedBy(a),
                acceptedBy(b), terminations.size(), terminatedBy(a), terminatedBy(b), instancesByDefinition(),
                (System.nanoTime() - begin) / 1e9);
    }

    /** A task of the load that records what goes wrong instead of dying silently in the scheduler. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                failures.add("load: " + e);
            }
        };
    }

    private AppNode start(String name, Path jar) throws IOException {
        int port = freePort();
        AppNode node = AppNode.start(name, jar, port, settings(port), LOGS);
        started.add(node);
        return node;
    }

    /** What RealServers gives a test's context, with the job executor on as in production. */
    private Map<String, String> settings(int port) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", Integer.toString(port));
        settings.put("spring.datasource.url", postgres);
        settings.put("spring.datasource.username", TestDatabases.POSTGRES_USER);
        settings.put("spring.datasource.password", "");
        settings.put("spring.datasource.hikari.maximum-pool-size", "12");
        settings.put("camunda.bpm.job-execution.enabled", "true");
        // Jobs a stopped replica had fetched but not run are free for the other after this (Camunda's default: 5 min).
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", "20000");
        settings.put("camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle", "R5/PT2S");
        for (String environment : List.of("qa", "prod")) {
            settings.put("redcap-sim.environments." + environment + ".jdbc-url", environment.equals("qa") ? redcapQa : redcapProd);
            settings.put("redcap-sim.environments." + environment + ".username", TestDatabases.MARIADB_USER);
            settings.put("redcap-sim.environments." + environment + ".password", "");
            String redcap = "tokengov.redcap.environments." + environment;
            settings.put(redcap + ".api-url", "http://127.0.0.1:" + port + "/redcap-sim/" + environment + "/api/");
            settings.put(redcap + ".database.username", TestDatabases.MARIADB_USER);
            settings.put(redcap + ".request-timeout", "PT5S");
        }
        settings.put("tokengov.offboarding.identity-poll-interval", "PT24H");
        // A new guard the previous release lacks: this test is about upgrades, not about waves of terminations.
        settings.put("tokengov.offboarding.mass-termination.enabled", "false");
        settings.put("tokengov.reconciliation.cycle", "R/P3650D");
        settings.put("tokengov.request-button.cycle", "PT24H");
        settings.put("tokengov.policy.pi-consent.required", "false");
        settings.put("tokengov.demo.password", PASSWORD);
        settings.put("tokengov.audit.key", auditKey);
        settings.put("tokengov.audit.seal-interval", "PT24H");
        settings.put("tokengov.hr.webhook-secret", webhookSecret);
        return settings;
    }

    /**
     * People who may request a token: in the identity store (with the demo users' password, so they can log in to the
     * REST API), in the requesters' group, and users of REDCap projects 101 and 201.
     */
    private List<String> provisionPeople(int count) {
        JdbcTemplate redcapProdDb = new JdbcTemplate(new DriverManagerDataSource(redcapProd, TestDatabases.MARIADB_USER, ""));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = String.format("mover%03d", i);
            engineDb.update("""
                    insert into act_id_user (id_, rev_, first_, last_, email_, pwd_, salt_, attempts_)
                    select ?, 1, 'Mover', ?, ?, pwd_, salt_, 0 from act_id_user where id_ = 'bob'""",
                    person, person, person + "@example.org");
            engineDb.update("insert into act_id_membership (user_id_, group_id_) values (?, 'api-requesters')", person);
            for (var entry : Map.of(101L, redcapProdDb, QA_PROJECT, redcapQaDb).entrySet()) {
                entry.getValue().update("INSERT INTO redcap_user_information (username, user_email) VALUES (?, ?)",
                        person, person + "@example.org");
                entry.getValue().update("INSERT INTO redcap_user_rights (project_id, username, user_rights, data_logging)"
                        + " VALUES (?, ?, 0, 0)", entry.getKey(), person);
            }
            people.add(person);
        }
        return people;
    }

    /** The next person files a token request through Camunda's REST API, on whichever replica the balancer picks. */
    private void fileRequest(List<String> people, AtomicInteger next) {
        int index = next.getAndIncrement();
        if (index >= people.size()) {
            return;
        }
        String person = people.get(index);
        send("request of " + person, node -> {
            HttpResponse<String> answer = new EngineRest(node.baseUrl()).post(
                    "/process-definition/key/TokenRequestProcess/submit-form", person, PASSWORD,
                    EngineRest.startFormBody(101, "Nightly export of new visits for the dashboard, filtered by date."));
            if (answer.statusCode() == 200) {
                requests.put(person, new Accepted(EngineRest.json(answer).get("id").asText(), node));
            } else {
                failures.add("request of " + person + ": " + answer.statusCode() + " " + answer.body());
            }
            return null;
        });
    }

    /** Every third person who holds a QA token leaves: HR's signed webhook, to whichever replica the balancer picks. */
    private void terminateEveryThirdHolder() {
        for (String person : requests.keySet()) {
            if (Integer.parseInt(person.substring("mover".length())) % 3 != 0 || terminations.containsKey(person)) {
                continue;
            }
            // Once the issuance is committed (registry), not as soon as REDCap has the token: a termination between
            // the two finds no token to revoke (README, Known limits), a race of its own, not of the upgrade.
            Optional<String> token = qaToken(person);
            if (token.isEmpty() || liveTokens(person) == 0) {
                continue;
            }
            tokensBeforeTermination.put(person, token.get());
            String webhookId = "msg_" + random();
            String event = HrWebhookClient.event(OffboardingEvent.TERMINATED, person, null, Instant.now());
            send("termination of " + person, node -> {
                HttpResponse<String> answer = new HrWebhookClient(node.baseUrl(), webhookSecret).deliver(webhookId, event);
                if (answer.statusCode() / 100 == 2) {
                    terminations.put(person, node);
                } else {
                    failures.add("termination of " + person + ": " + answer.statusCode() + " " + answer.body());
                }
                return null;
            });
        }
    }

    /**
     * Sends to the replicas in turn. A refused connection (a replica that stopped listening) is tried on the next, as a
     * load balancer does; any other failure is recorded, since the sender cannot know whether the replica acted on it.
     */
    private void send(String what, Function<AppNode, Void> call) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<AppNode> replicas = List.copyOf(live);
            AppNode node = replicas.get(Math.floorMod(turn.getAndIncrement(), replicas.size()));
            try {
                call.apply(node);
                return;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof ConnectException)) {
                    failures.add(what + ": " + e.getCause());
                    return;
                }
            }
            pause(250);
        }
        failures.add(what + ": no replica took it");
    }

    /** What is not carried out yet, in words (empty when all is). */
    private List<String> notCarriedOut() {
        List<String> pending = new ArrayList<>();
        for (var request : requests.entrySet()) {
            String person = request.getKey();
            if (terminations.containsKey(person)) {
                if (qaToken(person).isPresent()) {
                    pending.add(person + " left but REDCap holds their token");
                }
                if (running(request.getValue().processInstanceId())) {
                    pending.add(person + " left but their request runs");
                }
            } else if (!waitsForQaResults(person) || lifecyclesOf(person) != 1) {
                pending.add(person + "'s request waits for QA results: " + waitsForQaResults(person) + ", lifecycles: "
                        + lifecyclesOf(person));
            }
        }
        pending.addAll(engineDb.queryForList("""
                select 'job due: ' || coalesce(handler_type_, '') || ' ' || coalesce(handler_cfg_, '') || ' retries '
                    || retries_ || ' locked by ' || coalesce(lock_owner_, '-') from act_ru_job
                where retries_ > 0 and handler_type_ <> 'history-cleanup'
                    and (duedate_ is null or duedate_ < now() + interval '5 seconds')""", String.class));
        return pending;
    }

    private boolean waitsForQaResults(String person) {
        return engineDb.queryForObject("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?",
                Integer.class, requests.get(person).processInstanceId(), QA_TASK) == 1;
    }

    private boolean running(String processInstanceId) {
        return engineDb.queryForObject("select count(*) from act_ru_execution where id_ = ?", Integer.class,
                processInstanceId) > 0;
    }

    private Optional<String> qaToken(String person) {
        return redcapQaDb.queryForList("SELECT api_token FROM redcap_user_rights WHERE project_id = ? AND username = ?"
                + " AND api_token IS NOT NULL", String.class, QA_PROJECT, person).stream().findFirst();
    }

    private int liveTokens(String person) {
        return engineDb.queryForObject("select count(*) from api_token where holder = ? and state in ('QA_ACTIVE',"
                + " 'ACTIVE', 'SUSPENDED')", Integer.class, person);
    }

    private int lifecyclesOf(String person) {
        return engineDb.queryForObject("""
                select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                where e.id_ = e.proc_inst_id_ and d.key_ = 'TokenLifecycleProcess'
                    and e.business_key_ in (select id from api_token where holder = ?)""", Integer.class, person);
    }

    /** Process instances that wait for nothing: no job, task, event subscription, incident or called instance of theirs. */
    private List<String> strandedInstances() {
        return engineDb.queryForList("""
                select d.key_ || ' v' || d.version_ || ' ' || pi.id_ from act_ru_execution pi
                join act_re_procdef d on d.id_ = pi.proc_def_id_
                where pi.id_ = pi.proc_inst_id_
                    and not exists (select 1 from act_ru_job j where j.process_instance_id_ = pi.id_)
                    and not exists (select 1 from act_ru_task t where t.proc_inst_id_ = pi.id_)
                    and not exists (select 1 from act_ru_event_subscr s where s.proc_inst_id_ = pi.id_)
                    and not exists (select 1 from act_ru_incident i where i.proc_inst_id_ = pi.id_)
                    and not exists (select 1 from act_ru_ext_task x where x.proc_inst_id_ = pi.id_)
                    and not exists (select 1 from act_ru_execution called join act_ru_execution caller
                        on caller.id_ = called.super_exec_ where caller.proc_inst_id_ = pi.id_)""", String.class);
    }

    private Map<String, Integer> instancesByDefinition() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        engineDb.query("""
                select d.key_ || ' v' || d.version_, count(*) from act_hi_procinst h join act_re_procdef d
                on d.id_ = h.proc_def_id_ group by d.key_, d.version_ order by 1""",
                (java.sql.ResultSet row) -> {
                    counts.put(row.getString(1), row.getInt(2));
                });
        return counts;
    }

    private int appliedMigrations() {
        return engineDb.queryForObject("select count(*) from flyway_schema_history where success", Integer.class);
    }

    private int acceptedBy(AppNode node) {
        return (int) requests.values().stream().filter(accepted -> accepted.node() == node).count();
    }

    private int terminatedBy(AppNode node) {
        return (int) terminations.values().stream().filter(accepting -> accepting == node).count();
    }

    /** This tree's application jar, made by {@code package}, which {@code ./mvnw verify} runs before this test. */
    private static Path currentJar() throws IOException {
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            return built.filter(path -> path.getFileName().toString().matches("redcap-token-governance-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "No application jar in target/: run this test through ./mvnw verify")).toAbsolutePath();
        }
    }

    private void awaitCarriedOut(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> pending = notCarriedOut();
        while (!pending.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not carried out within " + timeout + " (replica logs in " + LOGS + "): "
                        + pending.stream().limit(30).toList());
            }
            pause(1000);
            pending = notCarriedOut();
        }
    }

    private static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout + ": " + what + " (replica logs in " + LOGS + ")");
            }
            pause(500);
        }
    }

    private static void log(String phase, long begin) {
        System.out.printf("Rolling upgrade, %5.1f s: %s%n", (System.nanoTime() - begin) / 1e9, phase);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
