package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * REDCap PROD's API fails while a person is offboarded. PROD runs in manual mode here, so its revocation is an API
 * call (rights off, then a deletion by hand, pending); QA in database mode is not affected. Retries, then an incident;
 * nothing is lost: when REDCap returns, the rights go off and the deletion waits on the Control Center worklist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = OffboardingWhileRedcapIsDownIT.OwnServers.class)
class OffboardingWhileRedcapIsDownIT {

    static final String SECRET = "hr-" + UUID.randomUUID();

    static class OwnServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.hr.webhook-secret=" + SECRET,
                    "tokengov.redcap.environments.prod.token-administration=manual").applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TokenRegistry registry;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void restore() {
        new SimulatorHttp(RealServers.baseUrl(context)).outage("prod", "none");
        ClockUtil.reset();
    }

    @Test
    void revocationsWaitOutTheOutageAsAnIncidentAndCompleteWhenRedcapReturns() throws Exception {
        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        IssuedToken prod = new IssuedTokens(context).issueByHand("bob", PROD, 101);
        IssuedToken qa = new IssuedTokens(context).issue("bob", QA, 201);
        String prodValue = simulator.tokenOf("prod", "bob", 101);
        String qaValue = simulator.tokenOf("qa", "bob", 201);
        assertThat(simulator.versionStatus("prod", prodValue)).isEqualTo(200);

        simulator.outage("prod", "error");
        HttpResponse<String> answer = new HrWebhookClient(RealServers.baseUrl(context), SECRET)
                .deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, "bob", null, Instant.now()));
        assertThat(answer.statusCode()).as("HR's event is accepted while REDCap is down").isEqualTo(202);
        String offboarding = new ObjectMapper().readTree(answer.body()).get("offboardingId").asText();
        String processId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(offboarding).singleResult().getId();

        runUntilIncidentOrDone(processId);

        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(processId).list();
        assertThat(incidents).singleElement().extracting(Incident::getActivityId)
                .isEqualTo("Task_RevokeTokensInRedcap");
        assertThat(simulator.versionStatus("qa", qaValue)).as("QA's revocation did not wait for PROD").isEqualTo(403);
        assertThat(registry.find(prod.id()).orElseThrow().state()).isEqualTo(TokenState.ACTIVE);
        assertThat(jdbc.queryForObject("select outcome from offboarding_event where id = ?", String.class, offboarding))
                .isEqualTo("RECEIVED");

        simulator.outage("prod", "none");
        for (Incident incident : incidents) {
            management.setJobRetries(incident.getConfiguration(), 1);
        }
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 5_000)); // past the last retry's wait
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("prod", prodValue)).as("rights off: REDCap refuses the token").isEqualTo(403);
        assertThat(registry.find(prod.id()).orElseThrow().revocationReason()).isEqualTo("OFFBOARDING");
        assertThat(registry.find(prod.id()).orElseThrow().state()).as("its deletion by hand is pending")
                .isEqualTo(TokenState.REVOCATION_PENDING);
        assertThat(registry.find(qa.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        assertThat(jdbc.queryForObject("select outcome from offboarding_event where id = ?", String.class, offboarding))
                .as("not complete until REDCap confirms the deletion in PROD").isEqualTo("AWAITING_REDCAP");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processId).count()).isZero();
    }

    /** Runs the offboarding's jobs as the job executor would, moving the clock past each retry's wait. */
    private void runUntilIncidentOrDone(String processId) {
        for (int attempt = 0; attempt < 20 && runtime.createIncidentQuery().processInstanceId(processId).count() == 0; attempt++) {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2_000));
            for (Job job : management.createJobQuery().processInstanceId(processId).executable().list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // REDCap PROD answers with errors: the job is retried
                }
            }
        }
    }
}
