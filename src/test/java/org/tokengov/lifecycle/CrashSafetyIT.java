package org.tokengov.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.TokenGovernanceApplication;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.TestDatabases;

/**
 * Crash safety: the application runs as a separate JVM with its job executor on, on this test's databases, and is
 * killed ({@code kill -9}) while its jobs are inside REDCap writes, then started again on the same databases.
 *
 * <p>"In flight" is made deterministic with locks the test holds: a row lock on REDCap's {@code redcap_user_rights}
 * (MariaDB) holds two revocations <em>before</em> REDCap commits; a lock on the registry's table (PostgreSQL) holds two
 * revocations and one issuance <em>after</em> REDCap committed and before the engine did, the case only REDCap's state
 * can tell apart. The child is killed once every one of those five jobs waits on a lock; its jobs stay locked to the
 * dead node until the job lock time ends (shortened here, see {@link #LOCK_TIME}), then the restarted child runs them
 * again. The REDCap simulator runs in this test's JVM (its HTTP API) and on MariaDB (its database), so it outlives
 * the kill.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = CrashSafetyIT.OwnServers.class)
class CrashSafetyIT {

    /** A context of its own: the child runs every job in the database, so none of other tests may be there. */
    static class OwnServers extends RealServers {
    }

    /** The product's lock time is 2 minutes (application.yml); the mechanism is the same, the test waits less. */
    static final Duration LOCK_TIME = Duration.ofSeconds(10);
    static final Duration STARTUP = Duration.ofSeconds(90);

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired TokenLifecycles lifecycles;
    @Autowired JdbcTemplate appDatabase;

    private final List<Process> children = new ArrayList<>();
    private final List<Connection> locks = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        releaseLocks();
    }

    @Test
    void revocationsAndAnIssuanceInsideRedcapCallsSurviveAKillMinus9() throws Exception {
        IssuedTokens issued = new IssuedTokens(context);
        // An issuance waiting at its REDCap write (database mode: QA project 201).
        ProcessInstance request = new PipelineDriver(runtime, tasks, identity, management).submitRequest("bob");
        runJobsExcept("Task_WriteTokenToRedcap");
        assertThat(management.createJobQuery().activityId("Task_WriteTokenToRedcap").count()).isEqualTo(1);
        // Four revocations waiting at theirs: two held before REDCap commits (one per server: each server's pool has
        // two connections, and the other writes need one), two after.
        List<IssuedToken> beforeCommit = List.of(issued.issue("alice", RedcapEnvironment.QA, 202),
                issued.issue("rita", RedcapEnvironment.PROD, 102));
        List<IssuedToken> afterCommit = List.of(issued.issue("alice", RedcapEnvironment.PROD, 103),
                issued.issue("rita", RedcapEnvironment.PROD, 103));
        runJobsExcept("Task_WriteTokenToRedcap");
        List<IssuedToken> revoked = new ArrayList<>(beforeCommit);
        revoked.addAll(afterCommit);
        revoked.forEach(token -> lifecycles.revoke(token.id(), RevocationReason.NO_LONGER_NEEDED, "ada"));
        assertThat(management.createJobQuery().activityId("Task_RevokeOnRequest").count()).isEqualTo(4);

        JdbcTemplate prod = issued.redcap(RedcapEnvironment.PROD);
        JdbcTemplate qa = issued.redcap(RedcapEnvironment.QA);
        holdRedcapRowsOfProject(RedcapEnvironment.QA, 202);
        holdRedcapRowsOfProject(RedcapEnvironment.PROD, 102);
        holdRegistryWrites();

        Process first = startChild("first", Map.of());
        awaitTrue("the child's jobs wait on the test's locks (2 before REDCap's commit, 3 after)",
                () -> redcapLockWaits() == 2 && registryLockWaits() == 3, STARTUP);
        assertThat(prod.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = 103"
                + " AND username IN ('alice', 'rita') AND api_token IS NULL", Integer.class))
                .as("REDCap committed the two deletions held after its commit").isEqualTo(2);
        assertThat(tokenFingerprint(qa, 201, "bob")).as("and the issuance's token").isNotNull();
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed (137 = SIGKILL)").isEqualTo(137);
        Instant killedAt = Instant.now();
        releaseLocks();

        startChild("restarted", Map.of());
        awaitTrue("the restarted child runs the dead node's jobs once their lock expired",
                () -> revoked.stream().allMatch(token -> registry.find(token.id()).orElseThrow().state() == TokenState.REVOKED)
                        && registry.liveToken("bob", RedcapEnvironment.QA, 201).isPresent(),
                LOCK_TIME.plus(STARTUP));

        // Pending revocations completed: REDCap holds none of the tokens, each deleted once.
        for (IssuedToken token : revoked) {
            JdbcTemplate redcap = issued.redcap(token.environment());
            assertThat(tokenFingerprint(redcap, token.projectId(), token.holder())).as("%s's token", token.holder()).isNull();
            assertThat(tokenRows(redcap, token.projectId(), token.holder(), "Delete API token for user"))
                    .as("deleted once in REDCap").hasSize(1);
        }
        // The recorded time is REDCap's: the killed child's deletions keep their time from before the kill.
        for (IssuedToken token : afterCommit) {
            Instant revokedAt = registry.find(token.id()).orElseThrow().revokedAt();
            assertThat(revokedAt).isBefore(killedAt)
                    .isEqualTo(tokenRows(prod, token.projectId(), token.holder(), "Delete API token for user").get(0));
        }
        for (IssuedToken token : beforeCommit) {
            assertThat(registry.find(token.id()).orElseThrow().revokedAt()).as("deleted only after the restart")
                    .isAfter(killedAt);
        }
        // One token for bob on 201: the one the killed child wrote, kept and recorded, not a second one.
        IssuedToken bobs = registry.liveToken("bob", RedcapEnvironment.QA, 201).orElseThrow();
        assertThat(bobs.fingerprint()).isEqualTo(tokenFingerprint(qa, 201, "bob"));
        assertThat(tokenRowsBy(qa, 201, "bob", "system")).as("one write of this system's in REDCap's log").isEqualTo(1);
        assertThat(registry.ofRequest(request.getId())).hasSize(1);
        assertThat(qa.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = 201 AND username = 'bob'",
                Integer.class)).as("REDCap's one row (and token) per user and project").isEqualTo(1);

        // No process instance lost or stuck, no incident.
        assertThat(runtime.createIncidentQuery().count()).as("incidents").isZero();
        assertThat(stuckProcessInstances()).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(request.getId()).count())
                .as("the request goes on").isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).taskDefinitionKey("Task_DevelopAndTestInQa")
                .count()).as("bob tests in QA with the token").isEqualTo(1);
        revoked.forEach(token -> assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(token.id())
                .count()).as("the lifecycle of a revoked token ended").isZero());
    }

    /**
     * The manual mode (PROD for the child: REDCap reached through its API) turns the rights off with a user import.
     * Three revocations are inside that call when the child is killed: rita's and bob's imports wait on REDCap's rows
     * (before REDCap commits), alice's was committed and her job waits on the registry (before the engine commits).
     * After the kill REDCap finishes bob's import on its own (its client is gone) and loses rita's (its database
     * connection dies). The restarted child retries all three: it reads REDCap's rights first, writes rita's only,
     * and each revocation is asked of the Control Center once.
     */
    @Test
    void manualModeRevocationsInsideRedcapUserImportsSurviveAKillMinus9() throws Exception {
        IssuedTokens issued = new IssuedTokens(context);
        IssuedToken lost = issued.issueByHand("rita", RedcapEnvironment.PROD, 101);
        IssuedToken lateInRedcap = issued.issueByHand("bob", RedcapEnvironment.PROD, 101);
        IssuedToken doneInRedcap = issued.issueByHand("alice", RedcapEnvironment.PROD, 101);
        List<IssuedToken> revoked = List.of(lost, lateInRedcap, doneInRedcap);
        runJobsExcept("Task_RevokeOnRequest");
        revoked.forEach(token -> lifecycles.revoke(token.id(), RevocationReason.NO_LONGER_NEEDED, "ada"));
        assertThat(management.createJobQuery().activityId("Task_RevokeOnRequest").count()).isEqualTo(3);

        JdbcTemplate prod = issued.redcap(RedcapEnvironment.PROD);
        Connection ritasRow = holdRedcapRow(RedcapEnvironment.PROD, 101, "rita");
        Connection bobsRow = holdRedcapRow(RedcapEnvironment.PROD, 101, "bob");
        holdRegistryWrites();
        Map<String, Object> manualProd = Map.of("tokengov.redcap.environments.prod.token-administration", "manual",
                // The test holds REDCap's answer until the kill: longer than the test configuration's 2 s.
                "tokengov.redcap.environments.prod.request-timeout", "PT60S");

        Process first = startChild("manual-first", manualProd);
        awaitTrue("the child's jobs wait on the test's locks (2 user imports in REDCap, 1 after REDCap's commit)",
                () -> redcapLockWaits() == 2 && registryLockWaits() == 1, STARTUP);
        assertThat(apiExport(prod, "alice")).as("REDCap committed alice's rights off").isZero();
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed (137 = SIGKILL)").isEqualTo(137);

        release(bobsRow);
        // rita's import still waits (or gave up on MariaDB's lock wait time-out, which loses it just the same).
        awaitTrue("REDCap finishes bob's import without its client", () -> apiExport(prod, "bob") == 0
                && redcapLockWaits() <= 1, Duration.ofSeconds(30));
        killRedcapLockWaiters();
        releaseLocks();
        assertThat(apiExport(prod, "rita")).as("rita's import was lost: her rights are on").isEqualTo(1);
        assertThat(rightsChanges(prod, "rita")).isZero();

        startChild("manual-restarted", manualProd);
        awaitTrue("the restarted child runs the dead node's revocations once their lock expired",
                () -> revoked.stream().allMatch(token -> registry.find(token.id()).orElseThrow().state()
                        == TokenState.REVOCATION_PENDING), LOCK_TIME.plus(STARTUP));

        for (IssuedToken token : revoked) {
            assertThat(apiExport(prod, token.holder())).as("%s's rights are off", token.holder()).isZero();
            assertThat(rightsChanges(prod, token.holder())).as("%s's rights changed once in REDCap's log, not twice",
                    token.holder()).isEqualTo(1);
            assertThat(appDatabase.queryForObject("select count(*) from control_center_line where token_id = ?",
                    Integer.class, token.id())).as("asked of the Control Center once").isEqualTo(1);
            assertThat(registry.find(token.id()).orElseThrow().revokedAt())
                    .as("no time until REDCap's log shows the deletion").isNull();
        }
        assertThat(appDatabase.queryForObject("select count(*) from redcap_rights_write", Integer.class))
                .as("every write's step committed: nothing left to check").isZero();
        assertThat(runtime.createIncidentQuery().count()).as("incidents").isZero();
        assertThat(stuckProcessInstances()).isEmpty();
    }

    /** Runs due jobs in this JVM (the child is not running yet), leaving those entering {@code activityId}. */
    private void runJobsExcept(String activityId) {
        for (int round = 0; round < 50; round++) {
            Set<String> left = management.createJobQuery().activityId(activityId).list().stream().map(Job::getId)
                    .collect(Collectors.toSet());
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> !left.contains(job.getId())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming");
    }

    /**
     * Every running process instance waits on something that moves it on (a job, a task, an event subscription, an
     * incident), or on a called instance that does; returns those that do not.
     */
    private List<String> stuckProcessInstances() {
        return runtime.createProcessInstanceQuery().list().stream().filter(instance -> !moving(instance.getId()))
                .map(instance -> instance.getProcessDefinitionId() + " " + instance.getId()).toList();
    }

    private boolean moving(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).count() > 0
                || tasks.createTaskQuery().processInstanceId(processInstanceId).count() > 0
                || runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).count() > 0
                || runtime.createIncidentQuery().processInstanceId(processInstanceId).count() > 0
                || runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list().stream()
                        .anyMatch(called -> moving(called.getId()));
    }

    /** Starts the application as its own JVM on this test's databases and REDCap, with its job executor on. */
    private Process startChild(String name, Map<String, Object> overrides) throws Exception {
        int port = RealServers.freePort();
        Map<String, Object> properties = new LinkedHashMap<>();
        EnumerablePropertySource<?> realServers = (EnumerablePropertySource<?>) context.getEnvironment()
                .getPropertySources().get("test");
        for (String key : realServers.getPropertyNames()) {
            properties.put(key, realServers.getProperty(key));
        }
        properties.put("server.port", port);
        properties.put("camunda.bpm.job-execution.enabled", true);
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", LOCK_TIME.toMillis());
        // Five jobs hold a connection each while they wait on the test's locks.
        properties.put("spring.datasource.hikari.maximum-pool-size", 16);
        // REDCap (the simulator) is this test's: its API on this JVM's port, its database on MariaDB.
        properties.put("redcap-sim.enabled", false);
        properties.putAll(overrides);
        Path log = Paths.get("target", "crash-safety-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                TokenGovernanceApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // In the environment, not the command line: the steward tokens and the audit key are among them.
        builder.environment().put("SPRING_APPLICATION_JSON", new ObjectMapper().writeValueAsString(properties));
        Process child = builder.start();
        children.add(child);
        awaitTrue("the " + name + " child is ready (its log: " + log.toAbsolutePath() + ")",
                () -> alive(child, log) && ready(port), STARTUP);
        return child;
    }

    /**
     * This JVM's class path without empty entries: an empty entry is the working directory, the repository, whose
     * {@code bpmn/} and {@code forms/} would be deployed a second time beside those in {@code target/classes}.
     */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !entry.equals(".")).collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean alive(Process child, Path log) {
        if (!child.isAlive()) {
            throw new AssertionError("The child ended (exit " + child.exitValue() + "); its log: " + log.toAbsolutePath());
        }
        return true;
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** The project's REDCap rows locked as a user-rights edit in REDCap would: writes to them wait (before commit). */
    private void holdRedcapRowsOfProject(RedcapEnvironment environment, long projectId) throws Exception {
        Connection connection = DriverManager.getConnection(context.getEnvironment().getRequiredProperty(
                "redcap-sim.environments." + environment.name().toLowerCase() + ".jdbc-url"), TestDatabases.MARIADB_USER, "");
        locks.add(connection);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT username FROM redcap_user_rights WHERE project_id = " + projectId + " FOR UPDATE")
                    .close();
        }
    }

    /** One user's REDCap row locked as a user-rights edit would: REDCap's user import for them waits. */
    private Connection holdRedcapRow(RedcapEnvironment environment, long projectId, String username) throws Exception {
        Connection connection = DriverManager.getConnection(context.getEnvironment().getRequiredProperty(
                "redcap-sim.environments." + environment.name().toLowerCase() + ".jdbc-url"), TestDatabases.MARIADB_USER, "");
        locks.add(connection);
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("SELECT username FROM redcap_user_rights"
                + " WHERE project_id = ? AND username = ? FOR UPDATE")) {
            select.setLong(1, projectId);
            select.setString(2, username);
            select.executeQuery().close();
        }
        return connection;
    }

    private void release(Connection lock) throws Exception {
        lock.rollback();
        lock.close();
        locks.remove(lock);
    }

    /** REDCap's database connections waiting on the test's locks die, as when REDCap's server goes down mid-request. */
    private void killRedcapLockWaiters() {
        JdbcTemplate prod = new IssuedTokens(context).redcap(RedcapEnvironment.PROD);
        prod.queryForList("SELECT t.trx_mysql_thread_id FROM information_schema.innodb_trx t"
                + " JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id"
                + " WHERE t.trx_state = 'LOCK WAIT' AND p.db IN (?, ?)", Long.class,
                databaseName("redcap-sim.environments.qa.jdbc-url"), databaseName("redcap-sim.environments.prod.jdbc-url"))
                .forEach(thread -> prod.execute("KILL " + thread));
    }

    private static int apiExport(JdbcTemplate redcap, String username) {
        return redcap.queryForObject("SELECT api_export FROM redcap_user_rights WHERE project_id = 101 AND username = ?",
                Integer.class, username);
    }

    /** The user's rights changes on project 101 in REDCap's log ("Edit user", one per user of an import). */
    private static int rightsChanges(JdbcTemplate redcap, String username) {
        return redcap.queryForObject("SELECT COUNT(*) FROM " + logTable(redcap, 101) + " e WHERE e.project_id = 101"
                + " AND e.pk = ? AND e.description = 'Edit user'", Integer.class, username);
    }

    /** The registry's table locked against writes: a job that wrote to REDCap waits before the engine commits. */
    private void holdRegistryWrites() throws Exception {
        Connection connection = DriverManager.getConnection(context.getEnvironment()
                .getRequiredProperty("spring.datasource.url"), TestDatabases.POSTGRES_USER, "");
        locks.add(connection);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE api_token IN EXCLUSIVE MODE");
        }
    }

    private void releaseLocks() throws Exception {
        for (Connection connection : locks) {
            connection.rollback();
            connection.close();
        }
        locks.clear();
    }

    /** Connections to this test's two REDCap databases waiting for a lock (the server may hold other tests' too). */
    private int redcapLockWaits() {
        return new IssuedTokens(context).redcap(RedcapEnvironment.PROD).queryForObject("SELECT COUNT(*)"
                + " FROM information_schema.innodb_trx t JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id"
                + " WHERE t.trx_state = 'LOCK WAIT' AND p.db IN (?, ?)", Integer.class,
                databaseName("redcap-sim.environments.qa.jdbc-url"), databaseName("redcap-sim.environments.prod.jdbc-url"));
    }

    private int registryLockWaits() {
        return appDatabase.queryForObject("SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND relation = 'api_token'::regclass"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", Integer.class);
    }

    private String databaseName(String urlProperty) {
        String url = context.getEnvironment().getRequiredProperty(urlProperty);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The fingerprint of the user's token in REDCap (null if none): the value itself never leaves this method. */
    private static String tokenFingerprint(JdbcTemplate redcap, long projectId, String username) {
        String value = redcap.queryForObject("SELECT api_token FROM redcap_user_rights WHERE project_id = ? AND username = ?",
                String.class, projectId, username);
        return value == null ? null : TokenFingerprint.of(value).sha256Hex();
    }

    /** When REDCap's log shows {@code description} for the user's token on the project, oldest first. */
    private List<Instant> tokenRows(JdbcTemplate redcap, long projectId, String username, String description) {
        ZoneId zone = ZoneId.of(context.getEnvironment().getRequiredProperty("redcap-sim.time-zone"));
        return redcap.queryForList("SELECT e.ts FROM " + logTable(redcap, projectId) + " e WHERE e.project_id = ?"
                        + " AND e.pk = ? AND e.description = ? ORDER BY e.log_event_id", Long.class, projectId, username,
                        description).stream()
                .map(ts -> LocalDateTime.parse(Long.toString(ts), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                        .atZone(zone).toInstant())
                .toList();
    }

    private static int tokenRowsBy(JdbcTemplate redcap, long projectId, String username, String actor) {
        return redcap.queryForObject("SELECT COUNT(*) FROM " + logTable(redcap, projectId) + " e WHERE e.project_id = ?"
                + " AND e.pk = ? AND e.user = ? AND e.description LIKE '%API token%'", Integer.class, projectId, username, actor);
    }

    private static String logTable(JdbcTemplate redcap, long projectId) {
        String table = redcap.queryForObject("SELECT log_event_table FROM redcap_projects WHERE project_id = ?",
                String.class, projectId);
        assertThat(table).matches("redcap_log_event\\d*");
        return table;
    }

    private static void awaitTrue(String what, BooleanSupplier condition, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            Thread.sleep(250);
        }
    }
}
