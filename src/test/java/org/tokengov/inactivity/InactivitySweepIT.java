package org.tokengov.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The sweep on the real servers: a QA token used once and then left unused for six months and a day is revoked
 * (REDCap refuses it), while a token used a day ago is left alone and its last use recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = InactivitySweepIT.OwnServers.class)
class InactivitySweepIT {

    /** A context of its own: the sweep sees every live token, so no other class's tokens may be in it. */
    static class OwnServers extends RealServers {
    }

    private static final DateTimeFormatter REDCAP_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired JdbcClient jdbc;

    SimulatorHttp simulator;
    PipelineDriver pipeline;

    @BeforeEach
    void clients() {
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        pipeline = new PipelineDriver(runtime, tasks, identity, management);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTokenUnusedForSixMonthsIsRevokedAndARecentlyUsedOneIsKept() throws SQLException {
        IssuedToken idle = registry.ofRequest(pipeline.requestUntilQaToken("alice").getId()).get(0);
        String idleValue = simulator.tokenOf("qa", "alice", 201);
        assertThat(simulator.versionStatus("qa", idleValue)).as("used once: REDCap logs the use").isEqualTo(200);
        IssuedToken busy = registry.ofRequest(pipeline.requestUntilQaToken("bob").getId()).get(0);
        String busyValue = simulator.tokenOf("qa", "bob", 201);
        assertThat(simulator.versionStatus("qa", busyValue)).isEqualTo(200);

        Instant later = Instant.now().atZone(ZoneOffset.UTC).plusMonths(6).plusDays(1).toInstant();
        ClockUtil.setCurrentTime(Date.from(later));
        logApiUse("bob", later.minus(java.time.Duration.ofDays(1)));

        runSweep();

        assertThat(simulator.versionStatus("qa", idleValue)).as("REDCap refuses the revoked token").isEqualTo(403);
        IssuedToken revoked = registry.find(idle.id()).orElseThrow();
        assertThat(revoked.state()).isEqualTo(TokenState.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("INACTIVITY");
        assertThat(revoked.lastUsedAt()).as("the use REDCap logged").isNotNull();

        IssuedToken kept = registry.find(busy.id()).orElseThrow();
        assertThat(kept.state()).isEqualTo(TokenState.QA_ACTIVE);
        assertThat(kept.lastUsedAt()).isEqualTo(later.minus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        assertThat(simulator.versionStatus("qa", busyValue)).isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'INACTIVITY_REVOCATION_REQUESTED' and token_id = ?")
                .param(idle.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'INACTIVITY_SWEEP_COMPLETED'")
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * What the passing of time would do at 02:00: the sweep's timer start fires, its batches run, and the revocations
     * it sent run in the tokens' lifecycles. Only these jobs run: other processes' timers (request deadlines) are not
     * this test's subject.
     */
    private void runSweep() {
        Job start = management.createJobQuery().processDefinitionKey(InactivitySweepVariables.PROCESS).timers()
                .singleResult();
        assertThat(start).as("the sweep's timer start event").isNotNull();
        management.executeJob(start.getId());
        ProcessInstance sweep = runtime.createProcessInstanceQuery().processDefinitionKey(InactivitySweepVariables.PROCESS)
                .singleResult();
        assertThat(sweep).isNotNull();
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(sweep.getId()).list();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(sweep.getId()).count())
                .as("the sweep ended").isZero();
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processDefinitionKey("TokenLifecycleProcess").executable().list();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** REDCap logs an API call of the user on QA project 201 at that moment (REDCap's server time: this machine's zone). */
    private void logApiUse(String username, Instant at) throws SQLException {
        String url = context.getEnvironment().getProperty("redcap-sim.environments.qa.jdbc-url");
        String user = context.getEnvironment().getProperty("redcap-sim.environments.qa.username");
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement insert = connection.prepareStatement("insert into redcap_log_event "
                        + "(project_id, ts, user, page, event, object_type, pk, description) "
                        + "values (201, ?, ?, 'api/index.php', 'MANAGE', 'redcap_data', '201', 'Data export (API)')")) {
            insert.setLong(1, Long.parseLong(REDCAP_TS.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault()))));
            insert.setString(2, username);
            insert.executeUpdate();
        }
    }
}
