package org.tokengov.sponsorship;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.audit.AuditAction;
import org.tokengov.identity.CamundaIdentityDirectory;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The sponsor cascade on the real servers: the external demo user erin (sponsor pat) holds a production token; pat
 * leaves; erin's token is refused by the REDCap simulator until an administrator names a valid new sponsor over
 * Camunda's REST API, or is revoked when nobody does by the deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = SponsorCascadeIT.OwnServers.class)
class SponsorCascadeIT {

    /** A context of its own: these tests change erin's sponsor and tokens, and move the engine's clock. */
    static class OwnServers extends RealServers {
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired PeopleDirectory people;
    @Autowired SponsorCascade cascade;
    @Autowired JdbcTemplate jdbc;

    SimulatorHttp simulator;
    EngineRest rest;
    PipelineDriver pipeline;

    @BeforeEach
    void clients() {
        RealServers.serveHttpFrom(context);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        rest = new EngineRest(RealServers.baseUrl(context));
        pipeline = new PipelineDriver(runtime, tasks, identity, management);
        identity.setUserInfo("erin", CamundaIdentityDirectory.SPONSOR_INFO, "pat");
    }

    @AfterEach
    void restore() {
        ClockUtil.reset();
        identity.clearAuthentication();
        identity.setUserInfo("erin", CamundaIdentityDirectory.SPONSOR_INFO, "pat");
    }

    @Test
    void theHeldTokenWorksAgainOnceAValidNewSponsorIsNamed() {
        IssuedToken token = liveProductionTokenOf("erin");
        String value = simulator.tokenOf("prod", "erin", 101);
        assertThat(simulator.versionStatus("prod", value)).isEqualTo(200);

        assertThat(cascade.startFor("pat", "evt-1")).isEqualTo(1);
        assertThat(cascade.startFor("pat", "evt-1")).as("a retried offboarding starts nothing twice").isZero();
        assertThat(cascade.startFor("pat", "evt-1-from-scim")).as("nor a second report of the same departure").isZero();
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("prod", value)).as("on hold: the value deleted").isEqualTo(403);
        assertThat(stateOf(token)).isEqualTo(TokenState.SUSPENDED);
        assertThat(auditCount(AuditAction.SPONSOR_LEFT_HOLD, token)).isEqualTo(1);
        Task naming = namingTask("evt-1");
        assertThat(naming.getName()).isEqualTo("Name a new sponsor for erin (REDCap project PROD 101, QA 201)");

        HttpResponse<String> external = nameSponsor(naming, "eve");
        assertThat(external.statusCode()).as(external.body()).isEqualTo(400);
        assertThat(external.body()).contains("'eve' is an external user");
        HttpResponse<String> unknown = nameSponsor(naming, "nobody-by-that-name");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("No person 'nobody-by-that-name' exists");
        assertThat(namingTask("evt-1").getId()).as("a refusal changes nothing").isEqualTo(naming.getId());
        assertThat(people.find("erin")).get().extracting(Person::sponsor).isEqualTo("pat");

        HttpResponse<String> valid = nameSponsor(naming, "rita");
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(204);
        Jobs.runDue(management);

        String released = simulator.tokenOf("prod", "erin", 101);
        assertThat(simulator.versionStatus("prod", released)).as("a new value works, read on REDCap's API page").isEqualTo(200);
        assertThat(simulator.versionStatus("prod", value)).as("the old one stays dead").isEqualTo(403);
        assertThat(stateOf(token)).isEqualTo(TokenState.ACTIVE);
        assertThat(people.find("erin")).get().extracting(Person::sponsor).isEqualTo("rita");
        assertThat(people.sponsoredBy("pat")).extracting(Person::username).doesNotContain("erin");
        assertThat(auditCount(AuditAction.SPONSOR_REPLACED, token)).isEqualTo(1);
        assertThat(replacement("evt-1")).as("the replacement ended").isNull();
    }

    @Test
    void withoutANewSponsorByTheDeadlineTheTokensAreRevoked() {
        IssuedToken token = liveProductionTokenOf("erin");
        String value = simulator.tokenOf("prod", "erin", 101);
        assertThat(cascade.startFor("pat", "evt-2")).isEqualTo(1);
        Jobs.runDue(management);
        ProcessInstance replacement = replacement("evt-2");
        Job deadline = management.createJobQuery().processInstanceId(replacement.getId())
                .activityId("Timer_SponsorDeadline").singleResult();

        ClockUtil.setCurrentTime(deadline.getDuedate());
        management.executeJob(deadline.getId());
        // Back to now before running the rest: other timers of the app (the nightly sweep) must not fire here.
        ClockUtil.reset();
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("prod", value)).isEqualTo(403);
        IssuedToken revoked = registry.find(token.id()).orElseThrow();
        assertThat(revoked.state()).isEqualTo(TokenState.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("SPONSOR_LEFT");
        assertThat(registry.ofHolder("erin")).as("every token of erin").noneMatch(t -> t.state().isLive());
        assertThat(replacement("evt-2")).isNull();
        assertThat(tasks.createTaskQuery().processInstanceId(replacement.getId()).count()).isZero();
    }

    /** erin's production token: the one a previous test left active, or a new one through the whole pipeline. */
    private IssuedToken liveProductionTokenOf(String holder) {
        var live = registry.liveToken(holder, RedcapEnvironment.PROD, 101);
        if (live.isPresent() && live.get().state() == TokenState.ACTIVE) {
            return live.get();
        }
        ProcessInstance request = pipeline.requestUntilQaToken(holder);
        pipeline.complete(holder, List.of("api-requesters"), requestTask(request, "Task_DevelopAndTestInQa"), Map.of(
                "codeRepositoryUrl", "https://git.example.org/erin/export", "codeCommit", "5ca1ab1e",
                "testSummary", "Ran the filtered export nightly in QA for a week."));
        pipeline.complete("sam", List.of("api-specialists"), requestTask(request, "Task_ReviewCode"),
                CodeReviews.approved());
        pipeline.complete("ada", List.of("redcap-admins"), requestTask(request, "Task_ApproveRelease"),
                Map.of("adminDecision", "APPROVED"));
        Jobs.runDue(management);
        return registry.liveToken(holder, RedcapEnvironment.PROD, 101).orElseThrow();
    }

    private Task requestTask(ProcessInstance request, String key) {
        Jobs.enter(management, request.getId(), key);
        Task task = tasks.createTaskQuery().processInstanceId(request.getId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key + " should be waiting").isNotNull();
        return task;
    }

    private HttpResponse<String> nameSponsor(Task naming, String sponsor) {
        return rest.post("/task/" + naming.getId() + "/complete", "rita", "demo",
                EngineRest.variables("newSponsor", "String", sponsor));
    }

    private ProcessInstance replacement(String eventId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(SponsorReplacementVariables.PROCESS)
                .processInstanceBusinessKey(SponsorReplacementVariables.businessKey(eventId, "erin")).singleResult();
    }

    private Task namingTask(String eventId) {
        Task task = tasks.createTaskQuery().processInstanceId(replacement(eventId).getId())
                .taskDefinitionKey("Task_NameNewSponsor").singleResult();
        assertThat(task).as("the naming task").isNotNull();
        return task;
    }

    private TokenState stateOf(IssuedToken token) {
        return registry.find(token.id()).orElseThrow().state();
    }

    private int auditCount(AuditAction action, IssuedToken token) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and token_id = ?", Integer.class,
                action.name(), token.id());
    }
}
