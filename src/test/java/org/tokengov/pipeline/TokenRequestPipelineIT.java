package org.tokengov.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequests;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The whole pipeline on the real servers: engine and registry on PostgreSQL, REDCap simulator (QA and
 * PROD) on MariaDB reached over HTTP, Camunda's REST API with Basic authentication.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
@ExtendWith(OutputCaptureExtension.class)
class TokenRequestPipelineIT {

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired TokenRequests requests;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.RepositoryService repository;
    @Autowired org.camunda.bpm.engine.FormService forms;

    SimulatorHttp simulator;
    EngineRest rest;

    @BeforeEach
    void clients() {
        RealServers.serveHttpFrom(context);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        rest = new EngineRest(RealServers.baseUrl(context));
    }

    @AfterEach
    void endOutages() {
        simulator.outage("qa", "none");
        simulator.outage("prod", "none");
        identity.clearAuthentication();
    }

    @Test
    void requestTravelsFromSurveyToProductionTokenAndEachTokenWorksOnlyInItsEnvironment(CapturedOutput output) throws Exception {
        String requestId = startAsRequester("bob");
        Jobs.runDue(management);

        String qaToken = simulator.tokenOf("qa", "bob", 201);
        assertThat(qaToken).matches("[0-9A-F]{32}");
        assertThat(simulator.versionStatus("qa", qaToken)).isEqualTo(200);
        assertThat(simulator.versionStatus("prod", qaToken)).isEqualTo(403);

        complete("bob", "Task_DevelopAndTestInQa", requestId, Map.of("codeRepositoryUrl", "https://git.example.org/lab/sync",
                "codeCommit", "9c1e2d7", "testSummary", "Ran the export nightly in QA for a week with a date filter."));
        complete("sam", "Task_ReviewCode", requestId, CodeReviews.approved());
        complete("ada", "Task_ApproveRelease", requestId, Map.of("adminDecision", "APPROVED"));
        Jobs.runDue(management);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(requestId).count()).isZero();
        String prodToken = simulator.tokenOf("prod", "bob", 101);
        assertThat(prodToken).matches("[0-9A-F]{32}").isNotEqualTo(qaToken);
        assertThat(simulator.versionStatus("prod", prodToken)).isEqualTo(200);
        assertThat(simulator.versionStatus("qa", prodToken)).isEqualTo(403);
        assertThat(simulator.versionStatus("qa", qaToken)).isEqualTo(200);

        // bob's QA token may come from an earlier request of another test: a live one is kept, not replaced.
        IssuedToken qa = registry.liveToken("bob", org.tokengov.redcap.RedcapEnvironment.QA, 201).orElseThrow();
        assertThat(qa.state()).isEqualTo(TokenState.QA_ACTIVE);
        assertThat(qa.fingerprint()).isEqualTo(TokenFingerprint.of(qaToken).sha256Hex());
        IssuedToken production = registry.ofRequest(requestId).stream()
                .filter(t -> t.environment() == org.tokengov.redcap.RedcapEnvironment.PROD).findFirst().orElseThrow();
        assertThat(production.state()).isEqualTo(TokenState.ACTIVE);
        assertThat(production.fingerprint()).isEqualTo(TokenFingerprint.of(prodToken).sha256Hex());
        assertThat(production.expiresAt()).isEqualTo(production.issuedAt().atZone(java.time.ZoneOffset.UTC).plusYears(1).toInstant());
        assertThat(requests.find(requestId)).get().extracting(r -> r.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(audit.ofRequest(requestId)).extracting(AuditEntry::action).contains(AuditAction.REQUEST_SUBMITTED,
                AuditAction.ELIGIBILITY_PASSED, AuditAction.TOKEN_ISSUED, AuditAction.CODE_REVIEWED,
                AuditAction.RELEASE_DECIDED, AuditAction.REQUEST_CLOSED);
        assertThat(audit.ofRequest(requestId)).filteredOn(e -> e.action() == AuditAction.CODE_REVIEWED)
                .extracting(AuditEntry::actor).containsExactly("sam");

        assertNoTraceOf(qaToken, output);
        assertNoTraceOf(prodToken, output);
        assertNoTraceOf(RealServers.QA_STEWARD_TOKEN, output);
        assertNoTraceOf(RealServers.PROD_STEWARD_TOKEN, output);
    }

    @Test
    void formsDeployTogetherWithTheProcesses() throws Exception {
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey("TokenRequestProcess")
                .latestVersion().singleResult();
        List<String> deployed = repository.getDeploymentResourceNames(definition.getDeploymentId());
        // Named by their file names (org.tokengov.upgrade.DiagramResource), the same wherever the application runs from.
        assertThat(deployed).as("deployed with the processes").contains("TokenRequestProcess.bpmn",
                "TokenIssuanceProcess.bpmn", "token-request.form", "qa-testing.form", "code-review.form",
                "release-approval.form", "manual-token-creation.form");
        try (var startForm = forms.getDeployedStartForm(definition.getId())) {
            var form = new ObjectMapper().readTree(startForm);
            assertThat(form.get("id").asText()).isEqualTo("token-request");
            assertThat(form.get("components").toString()).contains("productionProjectId", "fairUseAccepted");
        }
    }

    @Test
    void ineligibleRequesterGetsAReasonAndNoToken() {
        String requestId = startAsRequester("carol");
        Jobs.runDue(management);

        assertThat(requests.find(requestId)).get().satisfies(request -> {
            assertThat(request.status()).isEqualTo(RequestStatus.INELIGIBLE);
            assertThat(request.outcomeReason()).contains("access to REDCap production project 101 expired on 2020-01-01");
        });
        assertThat(simulator.tokenOf("qa", "carol", 201)).isNull();
    }

    @Test
    void serviceAccountIsRefusedAtEligibility() {
        String requestId = startAsRequester("svc_etl");
        Jobs.runDue(management);

        assertThat(requests.find(requestId)).get().extracting(r -> r.outcomeReason()).asString()
                .contains("is a service account");
    }

    @Test
    void engineRestRefusesAnonymousCallsAndBadInput() throws Exception {
        HttpResponse<String> anonymous = rest.post("/process-definition/key/TokenRequestProcess/submit-form", null, null,
                EngineRest.startFormBody(101, "Nightly export of new visits with a date filter."));
        assertThat(anonymous.statusCode()).isEqualTo(401);

        // Camunda delays logins after a failed one, so the wrong password is tried on a user no other test logs in as.
        HttpResponse<String> wrongPassword = rest.post("/process-definition/key/TokenRequestProcess/submit-form", "pat",
                "not-the-password", EngineRest.startFormBody(101, "Nightly export of new visits with a date filter."));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        long before = runtime.createProcessInstanceQuery().count();
        HttpResponse<String> invalid = rest.post("/process-definition/key/TokenRequestProcess/submit-form", "alice", "demo",
                EngineRest.startFormBody(0, "too short"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Production project id must be between 1")
                .contains("Usage description must be 20 to 2000 characters long");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);

        HttpResponse<String> reviewerStarting = rest.post("/process-definition/key/TokenRequestProcess/submit-form", "sam",
                "demo", EngineRest.startFormBody(101, "Nightly export of new visits with a date filter."));
        assertThat(reviewerStarting.statusCode()).as(reviewerStarting.body()).isEqualTo(403);
    }

    @Test
    void engineRestAnswersRefusedStepsWith400And403() {
        String requestId = startAsRequester("rita");
        Jobs.runDue(management);
        String qaTask = taskId(requestId, "Task_DevelopAndTestInQa");

        HttpResponse<String> invalid = rest.post("/task/" + qaTask + "/complete", "rita", "demo", EngineRest.variables(
                "codeRepositoryUrl", "String", "not a link", "codeCommit", "String", "abc1234",
                "testSummary", "String", "Exported in QA for a week, 10 calls a night."));
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("Code repository URL must be an https:// link");
        assertThat(taskId(requestId, "Task_DevelopAndTestInQa")).isEqualTo(qaTask);

        HttpResponse<String> valid = rest.post("/task/" + qaTask + "/complete", "rita", "demo", EngineRest.variables(
                "codeRepositoryUrl", "String", "https://git.example.org/rita/export", "codeCommit", "String", "abc1234",
                "testSummary", "String", "Exported in QA for a week, 10 calls a night."));
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(204);
        Jobs.runDue(management);

        String review = taskId(requestId, "Task_ReviewCode");
        HttpResponse<String> ownClaim = rest.post("/task/" + review + "/claim", "rita", "demo", "{\"userId\": \"rita\"}");
        assertThat(ownClaim.statusCode()).as(ownClaim.body()).isEqualTo(403);
        assertThat(ownClaim.body()).contains("This step is not offered to you").doesNotContain(review);
        HttpResponse<String> ownReview = rest.post("/task/" + review + "/complete", "rita", "demo",
                EngineRest.variables("codeReviewOutcome", "String", "APPROVED"));
        assertThat(ownReview.statusCode()).as(ownReview.body()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
    }

    private String taskId(String requestId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(requestId).taskDefinitionKey(taskKey).singleResult().getId();
    }

    /**
     * The database mode reads REDCap's users from its database: REDCap's API may be down meanwhile, its database may
     * not. Here its user table is out of reach (renamed), as in a failed REDCap upgrade.
     */
    @Test
    void redcapsDatabaseOutageBecomesRetriesThenAnIncidentAndTheRequestCompletesWhenItIsBack() {
        JdbcTemplate prodRedcap = new IssuedTokens(context).redcap(RedcapEnvironment.PROD);
        simulator.outage("prod", "error");
        prodRedcap.execute("RENAME TABLE redcap_user_rights TO redcap_user_rights_away");
        String requestId;
        Job eligibility;
        try {
            requestId = startAsRequester("alice");
            eligibility = management.createJobQuery().processInstanceId(requestId).singleResult();
            for (int attempt = 0; attempt < 3; attempt++) {
                executeExpectingFailure(eligibility.getId());
            }
        } finally {
            prodRedcap.execute("RENAME TABLE redcap_user_rights_away TO redcap_user_rights");
        }
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(requestId).list();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo("Task_CheckEligibility");
            assertThat(incident.getIncidentMessage()).contains("Could not read the users of project 101");
        });
        assertThat(runtime.getVariable(requestId, "usageDescription")).asString().startsWith("Nightly export");

        management.setJobRetries(eligibility.getId(), 1); // what "Retry" in Cockpit does
        management.executeJob(eligibility.getId());
        Jobs.runDue(management);
        assertThat(tasks.createTaskQuery().processInstanceId(requestId).taskDefinitionKey("Task_DevelopAndTestInQa")
                .singleResult().getAssignee()).as("REDCap's API was down all along: the database mode needs none")
                .isEqualTo("alice");
        assertThat(simulator.tokenOf("qa", "alice", 201)).matches("[0-9A-F]{32}");
    }

    private void executeExpectingFailure(String jobId) {
        try {
            management.executeJob(jobId);
        } catch (RuntimeException expected) {
            return;
        }
        throw new AssertionError("The job was expected to fail while REDCap is down");
    }

    private String startAsRequester(String username) {
        HttpResponse<String> response = rest.post("/process-definition/key/TokenRequestProcess/submit-form", username, "demo",
                EngineRest.startFormBody(101, "Nightly export of new visits for the dashboard, filtered by date."));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            String id = new ObjectMapper().readTree(response.body()).get("id").asText();
            assertThat(runtime.getVariable(id, "requester")).isEqualTo(username);
            return id;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void complete(String user, String taskKey, String requestId, Map<String, Object> variables) {
        Jobs.runDue(management);
        Task task = tasks.createTaskQuery().processInstanceId(requestId).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey + " should be waiting").isNotNull();
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
            }
            tasks.complete(task.getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The token value must not be in any engine table, the registry, the audit trail or the log. */
    private void assertNoTraceOf(String secret, CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(secret);
        for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail", "act_ge_bytearray",
                "act_hi_op_log", "act_ru_job", "act_hi_job_log", "act_ru_incident", "act_hi_incident",
                "token_request", "api_token", "audit_event")) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table);
            for (Map<String, Object> row : rows) {
                for (Object value : row.values()) {
                    String text = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                            : String.valueOf(value);
                    assertThat(text).as("column of " + table).doesNotContain(secret);
                }
            }
        }
    }
}
