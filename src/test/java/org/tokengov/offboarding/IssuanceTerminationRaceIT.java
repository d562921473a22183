package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.TestDatabases;

/**
 * A termination and an issuance of the same person at the same moment, on PostgreSQL with the REDCap simulator on
 * MariaDB, made to happen in each order with locks the test holds: HR's signed webhook arriving after REDCap has the
 * new token but before the issuing job has committed its registry row waits for that commit and revokes the token;
 * a termination committed before the issuing job writes keeps the token from being written. A rehire lets the person
 * have tokens again. Outcomes are read from REDCap's own tables and log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = IssuanceTerminationRaceIT.WithSecret.class)
class IssuanceTerminationRaceIT {

    static final String SECRET = "hr-" + UUID.randomUUID();
    static final long QA_PROJECT = 201;

    static class WithSecret extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.hr.webhook-secret=" + SECRET).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired TokenRegistry registry;
    @Autowired JdbcTemplate appDatabase;

    private Connection registryLock;

    @AfterEach
    void releaseLocks() throws Exception {
        releaseRegistryWrites();
    }

    @Test
    void aTerminationArrivingWhileTheTokenIsWrittenWaitsForItsRecordAndRevokesIt() throws Exception {
        JdbcTemplate redcap = new IssuedTokens(context).redcap(RedcapEnvironment.QA);
        Job write = issuanceWaitingToWrite("alice");
        holdRegistryWrites();

        CompletableFuture<Void> issuing = CompletableFuture.runAsync(() -> management.executeJob(write.getId()));
        awaitTrue("the issuing job has written REDCap's token and waits to record it",
                () -> lockWaits() == 1 && tokenFingerprint(redcap, "alice") != null);
        CompletableFuture<HttpResponse<String>> termination = CompletableFuture.supplyAsync(() -> hr().deliver(
                HrWebhookClient.event(OffboardingEvent.TERMINATED, "alice", null, Instant.parse("2026-11-30T00:00:00Z"))));
        awaitTrue("HR's webhook waits for the issuing job", () -> lockWaits() == 2);
        assertThat(termination).as("not answered while the token is unrecorded").isNotDone();

        releaseRegistryWrites();
        issuing.get(60, TimeUnit.SECONDS);
        assertThat(termination.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        Jobs.runDue(management);

        IssuedToken token = qaTokenOf("alice");
        assertThat(token.state()).as("the registry shows it revoked").isEqualTo(TokenState.REVOKED);
        assertThat(tokenFingerprint(redcap, "alice")).as("REDCap holds no token for alice").isNull();
        assertThat(tokenLog(redcap, "alice")).containsExactly("Create API token for user", "Delete API token for user");
        assertThat(appDatabase.queryForObject("select count(*) from offboarding_revocation r join offboarding_event e"
                + " on e.id = r.event_id where e.username = 'alice' and r.token_id = ?", Integer.class, token.id())).isOne();
    }

    @Test
    void aTerminationCommittedBeforeTheWriteKeepsTheTokenFromBeingWritten() {
        JdbcTemplate redcap = new IssuedTokens(context).redcap(RedcapEnvironment.QA);
        Job write = issuanceWaitingToWrite("bob");
        assertThat(hr().deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, "bob", null,
                Instant.parse("2026-11-30T00:00:00Z"))).statusCode()).isEqualTo(202);

        management.executeJob(write.getId());

        assertThat(tokenFingerprint(redcap, "bob")).as("REDCap holds no token for bob").isNull();
        assertThat(tokenLog(redcap, "bob")).as("REDCap's log shows none written").isEmpty();
        assertThat(registry.ofHolder("bob")).isEmpty();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("Boundary_WriteRefused")
                .processInstanceId(write.getProcessInstanceId()).count()).isOne();
        assertThat(appDatabase.queryForList("select details from ledger_entry where kind = 'ISSUANCE_REFUSED'"
                + " and subject = 'bob'", String.class)).singleElement().asString()
                .contains("the holder left the organisation (offboarding event");
        Jobs.runDue(management);
        assertThat(tokenLog(redcap, "bob")).isEmpty();
    }

    @Test
    void aRehiredPersonGetsTokensAgain() {
        assertThat(hr().deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, "rita", null,
                Instant.parse("2026-11-01T00:00:00Z"))).statusCode()).isEqualTo(202);
        assertThat(hr().deliver(HrWebhookClient.event(OffboardingEvent.REHIRED, "rita", null,
                Instant.parse("2026-11-15T00:00:00Z"))).statusCode()).isEqualTo(202);
        Jobs.runDue(management);

        new PipelineDriver(runtime, tasks, identity, management).requestUntilQaToken("rita");

        assertThat(qaTokenOf("rita").state()).isEqualTo(TokenState.QA_ACTIVE);
        assertThat(tokenFingerprint(new IssuedTokens(context).redcap(RedcapEnvironment.QA), "rita")).isNotNull();
    }

    /** A request of the person, run up to its QA token's REDCap write (database mode), which is returned unrun. */
    private Job issuanceWaitingToWrite(String requester) {
        ProcessInstance request = new PipelineDriver(runtime, tasks, identity, management).submitRequest(requester);
        for (int round = 0; round < 50; round++) {
            Set<String> writes = management.createJobQuery().activityId("Task_WriteTokenToRedcap").list().stream()
                    .map(Job::getId).collect(Collectors.toSet());
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> !writes.contains(job.getId())).toList();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        Job write = management.createJobQuery().activityId("Task_WriteTokenToRedcap").singleResult();
        assertThat(write).as("the request of " + request.getId() + " waits at its REDCap write").isNotNull();
        return write;
    }

    private HrWebhookClient hr() {
        return new HrWebhookClient(RealServers.baseUrl(context), SECRET);
    }

    private IssuedToken qaTokenOf(String holder) {
        return registry.ofHolder(holder).stream().filter(token -> token.environment() == RedcapEnvironment.QA)
                .filter(token -> token.projectId() == QA_PROJECT).findFirst().orElseThrow();
    }

    /** The registry's table locked against writes: a job that wrote to REDCap waits before it records the token. */
    private void holdRegistryWrites() throws Exception {
        registryLock = DriverManager.getConnection(context.getEnvironment().getRequiredProperty("spring.datasource.url"),
                TestDatabases.POSTGRES_USER, "");
        registryLock.setAutoCommit(false);
        try (Statement statement = registryLock.createStatement()) {
            statement.execute("LOCK TABLE api_token IN EXCLUSIVE MODE");
        }
    }

    private void releaseRegistryWrites() throws Exception {
        if (registryLock != null) {
            registryLock.rollback();
            registryLock.close();
            registryLock = null;
        }
    }

    /** Sessions of the app's database waiting for a lock (the issuing job on the table, the webhook on the person). */
    private int lockWaits() {
        return appDatabase.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                + " and wait_event_type = 'Lock'", Integer.class);
    }

    /** The fingerprint of the user's QA token in REDCap (null if none): the value itself never leaves this method. */
    private static String tokenFingerprint(JdbcTemplate redcap, String username) {
        String value = redcap.queryForObject("SELECT api_token FROM redcap_user_rights WHERE project_id = ? AND username = ?",
                String.class, QA_PROJECT, username);
        return value == null ? null : TokenFingerprint.of(value).sha256Hex();
    }

    /** REDCap's log rows about the user's token on the QA project, oldest first. */
    private static List<String> tokenLog(JdbcTemplate redcap, String username) {
        String table = redcap.queryForObject("SELECT log_event_table FROM redcap_projects WHERE project_id = ?",
                String.class, QA_PROJECT);
        return redcap.queryForList("SELECT description FROM " + table + " WHERE project_id = ? AND pk = ?"
                + " AND description LIKE '%API token%' ORDER BY log_event_id", String.class, QA_PROJECT, username);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
