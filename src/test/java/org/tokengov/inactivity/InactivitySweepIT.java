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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * (REDCap refuses it), while a token used a day ago is left alone and its last use recorded. The last uses come from
 * the log reader's one catch-up per sweep (database mode: SQL on the log tables), never from a log call per token.
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
    @Autowired MeterRegistry meters;

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
        double logCallsBefore = logCalls();

        runSweep();

        assertThat(logCalls()).as("no content=log call per token (nor any: the database mode reads the tables)")
                .isEqualTo(logCallsBefore);
        assertThat(simulator.versionStatus("qa", idleValue)).as("REDCap refuses the revoked token").isEqualTo(403);
        IssuedToken revoked = registry.find(idle.id()).orElseThrow();
        assertThat(revoked.state()).isEqualTo(TokenState.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("INACTIVITY");
        assertThat(revoked.lastUsedAt()).as("the use REDCap logged").isNotNull();

        IssuedToken kept = registry.find(busy.id()).orElseThrow();
        assertThat(kept.state()).isEqualTo(TokenState.QA_ACTIVE);
        assertThat(kept.lastUsedAt()).as("REDCap's New York time, converted")
                .isEqualTo(later.minus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
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

    private double logCalls() {
        return meters.find("tokengov.redcap.calls").tag("content", "log").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /**
     * REDCap logs an API call of the user on QA project 201 at that moment, in the project's log table and in REDCap's
     * server time (the configured time zone).
     */
    private void logApiUse(String username, Instant at) throws SQLException {
        String url = context.getEnvironment().getProperty("redcap-sim.environments.qa.jdbc-url");
        String user = context.getEnvironment().getProperty("redcap-sim.environments.qa.username");
        ZoneId redcapZone = ZoneId.of(context.getEnvironment().getRequiredProperty("tokengov.redcap.environments.qa.time-zone"));
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            String table;
            try (PreparedStatement select = connection.prepareStatement(
                    "select log_event_table from redcap_projects where project_id = 201");
                    java.sql.ResultSet rows = select.executeQuery()) {
                table = rows.next() && rows.getString(1) != null ? rows.getString(1) : "redcap_log_event";
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into " + table
                    + " (project_id, ts, user, page, event, object_type, pk, description) "
                    + "values (201, ?, ?, 'api/index.php', 'DATA_EXPORT', 'redcap_data', null, 'Export data (API)')")) {
                insert.setLong(1, Long.parseLong(REDCAP_TS.format(LocalDateTime.ofInstant(at, redcapZone))));
                insert.setString(2, username);
                insert.executeUpdate();
            }
        }
    }
}
