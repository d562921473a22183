package org.tokengov.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The lifecycle on the real servers: each test issues a fresh QA token through the pipeline and checks, on the
 * REDCap simulator's API, what the holder's token can still do after expiry, revocation, renewal or compromise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TokenLifecycleIT.OwnServers.class)
class TokenLifecycleIT {

    /** A context of its own: these tests need holders without tokens from other test classes. */
    static class OwnServers extends RealServers {
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired TokenLifecycles lifecycles;
    @Autowired org.tokengov.registry.TokenRequests requests;

    SimulatorHttp simulator;
    PipelineDriver pipeline;

    @BeforeEach
    void clients() {
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        pipeline = new PipelineDriver(runtime, tasks, identity, management);
    }

    @Test
    void anUnconfirmedTokenExpiresAndIsRefusedByRedcap() {
        IssuedToken token = issueQaTokenTo("alice");
        String value = simulator.tokenOf("qa", "alice", 201);
        assertThat(simulator.versionStatus("qa", value)).isEqualTo(200);

        fireTimer(token, "Timer_RenewalNoticeDue");
        Jobs.runDue(management);
        Task renewal = renewalTask(token);
        assertThat(runtime.getVariable(renewal.getProcessInstanceId(), "lastApiUse")).asString()
                .as("the notice read the last API use from REDCap's log").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d UTC");
        assertThat(registry.find(token.id()).orElseThrow().lastUsedAt()).isNotNull();

        fireTimer(token, "Timer_TokenExpires");
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("qa", value)).isEqualTo(403);
        assertThat(simulator.tokenOf("qa", "alice", 201)).isNull();
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.EXPIRED);
        assertThat(lifecycleOf(token)).isNull();
    }

    @Test
    void aConfirmedRenewalExtendsTheTokenByAYearAndItKeepsWorking() {
        IssuedToken token = issueQaTokenTo("bob");
        fireTimer(token, "Timer_RenewalNoticeDue");
        Jobs.runDue(management);

        pipeline.complete("bob", List.of("api-requesters"), renewalTask(token), Map.of("stillNeeded", true,
                "usageUnchanged", true, "fairUseReattested", true));

        IssuedToken renewed = registry.find(token.id()).orElseThrow();
        assertThat(renewed.expiresAt()).isEqualTo(token.expiresAt().atZone(ZoneOffset.UTC).plusYears(1).toInstant());
        assertThat(simulator.versionStatus("qa", simulator.tokenOf("qa", "bob", 201))).isEqualTo(200);
        assertThat(management.createJobQuery().processInstanceId(lifecycleOf(token).getId())
                .activityId("Timer_RenewalNoticeDue").count()).isEqualTo(1);
    }

    @Test
    void aRevokedTokenIsRefusedAndTheEntitlementGoes() {
        IssuedToken token = issueQaTokenTo("rita");
        String value = simulator.tokenOf("qa", "rita", 201);
        assertThat(identity.createGroupQuery().groupId("redcap-api-qa").groupMember("rita").count()).isEqualTo(1);

        lifecycles.revoke(token.id(), RevocationReason.LEFT_PROJECT, "pat");
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("qa", value)).isEqualTo(403);
        IssuedToken revoked = registry.find(token.id()).orElseThrow();
        assertThat(revoked.state()).isEqualTo(TokenState.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("LEFT_PROJECT");
        assertThat(identity.createGroupQuery().groupId("redcap-api-qa").groupMember("rita").count()).isZero();
    }

    @Test
    void aCompromisedTokenGetsANewValueAndTheOldOneDies() {
        IssuedToken token = issueQaTokenTo("erin");
        String oldValue = simulator.tokenOf("qa", "erin", 201);

        lifecycles.reportCompromised(token.id(), "erin");
        Jobs.runDue(management);

        String newValue = simulator.tokenOf("qa", "erin", 201);
        assertThat(newValue).isNotEqualTo(oldValue);
        assertThat(simulator.versionStatus("qa", oldValue)).isEqualTo(403);
        assertThat(simulator.versionStatus("qa", newValue)).isEqualTo(200);
        assertThat(registry.find(token.id()).orElseThrow().fingerprint()).isEqualTo(TokenFingerprint.of(newValue).sha256Hex());
        assertThat(lifecycleOf(token)).as("the lifecycle goes on").isNotNull();
    }

    @Test
    void aSuspendedTokenIsRefusedUntilReinstatedAndASecondSuspensionBansTheHolder() {
        IssuedToken token = issueQaTokenTo("pat");
        String value = simulator.tokenOf("qa", "pat", 201);

        lifecycles.suspend(token.id(), "Full exports every 5 seconds at noon", "ada");
        Jobs.runDue(management);
        assertThat(simulator.versionStatus("qa", value)).isEqualTo(403);
        assertThat(simulator.tokenOf("qa", "pat", 201)).as("held: the value deleted").isNull();
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.SUSPENDED);

        pipeline.complete("pat", List.of("api-requesters"), task(token, "Task_RetestFixInQa"), Map.of(
                "codeRepositoryUrl", "https://git.example.org/pat/export", "codeCommit", "0badc0de",
                "testSummary", "Incremental export with dateRangeBegin, tested in QA for a week."));
        pipeline.complete("sam", List.of("api-specialists"), task(token, "Task_ReviewFix"), Map.of("fixReviewOutcome", "APPROVED"));
        pipeline.complete("ada", List.of("redcap-admins"), task(token, "Task_ApproveReinstatement"),
                Map.of("reinstatementDecision", "APPROVED"));
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("qa", value)).as("the suspension deleted the old value").isEqualTo(403);
        String reinstated = simulator.tokenOf("qa", "pat", 201);
        assertThat(simulator.versionStatus("qa", reinstated)).as("a new value, read on REDCap's API page").isEqualTo(200);
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.QA_ACTIVE);
        assertThat(registry.find(token.id()).orElseThrow().fingerprint())
                .isEqualTo(TokenFingerprint.of(reinstated).sha256Hex());
        assertThat(new IssuedTokens(context).redcap(RedcapEnvironment.QA).queryForObject("SELECT api_export FROM redcap_user_rights"
                + " WHERE project_id = 201 AND username = 'pat'", Integer.class)).as("the PI's consent untouched").isEqualTo(1);

        lifecycles.suspend(token.id(), "Polling every few seconds again", "ada");
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("qa", reinstated)).isEqualTo(403);
        IssuedToken banned = registry.find(token.id()).orElseThrow();
        assertThat(banned.state()).isEqualTo(TokenState.REVOKED);
        assertThat(banned.revocationReason()).isEqualTo("PERMANENT_BAN");
        assertThat(lifecycleOf(token)).isNull();
        ProcessInstance again = pipeline.submitRequest("pat");
        Jobs.runDue(management);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(again.getId()).count()).isZero();
        assertThat(requests.find(again.getId()).orElseThrow().outcomeReason()).contains("permanently barred");
    }

    /** The database mode acts on REDCap's token, never on rights: a user role, which the API cannot change, is no obstacle. */
    @Test
    void aRoleMembersTokenIsHeldAndRevokedWithoutIncidentAndTheRoleStaysAsThePiSetIt() {
        // Written as the issuance writes it, for someone holding no token in this class's other tests.
        IssuedToken token = new IssuedTokens(context).issue("ada", RedcapEnvironment.QA, 201);
        String value = simulator.tokenOf("qa", "ada", 201);
        JdbcTemplate redcap = new IssuedTokens(context).redcap(RedcapEnvironment.QA);
        redcap.update("INSERT INTO redcap_user_roles (project_id, role_name, unique_role_name, api_export, user_rights)"
                + " VALUES (201, 'Data managers', 'U-DM201', 1, 0)");
        redcap.update("UPDATE redcap_user_rights SET role_id = (SELECT role_id FROM redcap_user_roles"
                + " WHERE unique_role_name = 'U-DM201') WHERE project_id = 201 AND username = 'ada'");

        lifecycles.suspend(token.id(), "Full exports every 5 seconds at noon", "sam");
        Jobs.runDue(management);
        assertThat(simulator.versionStatus("qa", value)).isEqualTo(403);
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.SUSPENDED);

        lifecycles.revoke(token.id(), RevocationReason.LEFT_PROJECT, "pat");
        Jobs.runDue(management);

        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        assertThat(simulator.tokenOf("qa", "ada", 201)).isNull();
        assertThat(runtime.createIncidentQuery().count()).as("no retry storm, no incident").isZero();
        assertThat(redcap.queryForObject("SELECT r.api_export FROM redcap_user_rights u JOIN redcap_user_roles r"
                + " ON r.role_id = u.role_id WHERE u.project_id = 201 AND u.username = 'ada'", Integer.class))
                .as("the role, the PI's setting, untouched").isEqualTo(1);
    }

    private Task task(IssuedToken token, String key) {
        Jobs.enter(management, lifecycleOf(token).getId(), key);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(token.id()).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key).isNotNull();
        return task;
    }

    private IssuedToken issueQaTokenTo(String requester) {
        ProcessInstance request = pipeline.requestUntilQaToken(requester);
        IssuedToken token = registry.ofRequest(request.getId()).get(0);
        assertThat(lifecycleOf(token)).as("every issued token has a lifecycle").isNotNull();
        return token;
    }

    private ProcessInstance lifecycleOf(IssuedToken token) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("TokenLifecycleProcess")
                .processInstanceBusinessKey(token.id()).singleResult();
    }

    private Task renewalTask(IssuedToken token) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(token.id()).taskDefinitionKey("Task_ConfirmRenewal")
                .singleResult();
        assertThat(task).isNotNull();
        return task;
    }

    /** What the passing of time would do: the timer's job runs now (the job executor is off in these tests). */
    private void fireTimer(IssuedToken token, String timerId) {
        Job timer = management.createJobQuery().processInstanceId(lifecycleOf(token).getId()).activityId(timerId).singleResult();
        assertThat(timer).as(timerId).isNotNull();
        management.executeJob(timer.getId());
    }
}
