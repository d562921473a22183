package org.tokengov.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The annual attestation on the real servers: alice and bob hold QA tokens; the campaign asks both; alice attests,
 * bob lets the deadline pass: bob's token is revoked in REDCap (403) and in the registry (ATTESTATION_FAILED), alice's
 * still works. rita renewed a token with re-attestation within the year: she is not asked and keeps her token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = PolicyAttestationIT.OwnServers.class)
class PolicyAttestationIT {

    /** A context of its own: the campaign asks every holder of a live token, so other test classes' tokens stay out. */
    static class OwnServers extends RealServers {
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired PolicyAttestations attestations;

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
    void aHolderWhoDoesNotAttestLosesEveryTokenAndOneWhoAttestsKeepsThem() {
        IssuedToken alices = issueQaTokenTo("alice");
        IssuedToken bobs = issueQaTokenTo("bob");
        IssuedToken ritas = issueQaTokenTo("rita");
        attestations.recordRenewal("rita", ritas.requestId(), ritas.id());
        String aliceValue = simulator.tokenOf("qa", "alice", 201);
        String bobValue = simulator.tokenOf("qa", "bob", 201);
        assertThat(simulator.versionStatus("qa", aliceValue)).isEqualTo(200);
        assertThat(simulator.versionStatus("qa", bobValue)).isEqualTo(200);

        Job campaignStart = management.createJobQuery().timers().activityId("StartEvent_AttestationCampaignDue").singleResult();
        assertThat(campaignStart).as("the yearly campaign timer is deployed").isNotNull();
        management.executeJob(campaignStart.getId());
        ProcessInstance campaign = runtime.createProcessInstanceQuery().processDefinitionKey("PolicyAttestationProcess")
                .singleResult();
        assertThat(tasks.createTaskQuery().processInstanceId(campaign.getId()).list()).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(attestations.holdersToAsk()).as("rita renewed with re-attestation within the year").doesNotContain("rita");

        Task alicesTask = tasks.createTaskQuery().processInstanceId(campaign.getId()).taskAssignee("alice").singleResult();
        assertThat(tasks.getVariable(alicesTask.getId(), "liveTokens")).asString().contains("QA project 201");
        pipeline.complete("alice", List.of("api-requesters"), alicesTask, Map.of("policyAttested", true));
        assertThat(attestations.attestedSince("alice", Instant.now().minusSeconds(3600))).isTrue();

        Job deadline = management.createJobQuery().processInstanceId(campaign.getId()).activityId("Timer_AttestationDeadline")
                .singleResult();
        ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + 60_000));
        management.executeJob(deadline.getId());
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("qa", bobValue)).isEqualTo(403);
        IssuedToken revoked = registry.find(bobs.id()).orElseThrow();
        assertThat(revoked.state()).isEqualTo(TokenState.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("ATTESTATION_FAILED");
        assertThat(simulator.versionStatus("qa", aliceValue)).isEqualTo(200);
        assertThat(registry.find(alices.id()).orElseThrow().state()).isEqualTo(TokenState.QA_ACTIVE);
        assertThat(registry.find(ritas.id()).orElseThrow().state()).isEqualTo(TokenState.QA_ACTIVE);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(campaign.getId()).count()).isZero();
    }

    private IssuedToken issueQaTokenTo(String requester) {
        ProcessInstance request = pipeline.requestUntilQaToken(requester);
        return registry.ofRequest(request.getId()).get(0);
    }
}
