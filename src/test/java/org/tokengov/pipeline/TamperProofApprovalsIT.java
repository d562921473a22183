package org.tokengov.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The gates hold whoever calls the engine, however: people walk around nothing through Camunda's REST API, and even an
 * administrator (a member of {@code camunda-admin}, whom the API filter lets through) who starts a request at its
 * issuance, moves it there, rewrites its variables, messages a lifecycle or reassigns a review gets no token the
 * ledger does not allow. Each attack ends with no token in REDCap (asked of the simulator's API) and, where a gate of
 * the ledger refused, an entry on the audit trail. Demo data is off: the people are created here, and the
 * authorizations the product grants at start-up are what lets them work. Own database: every token starts unissued.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"tokengov.demo.enabled=false", "tokengov.test.context=tamper-proof-approvals"})
@ContextConfiguration(initializers = RealServers.class)
class TamperProofApprovalsIT {

    static final String PASSWORD = "tamper-" + UUID.randomUUID();
    static final String SURVEY = EngineRest.startFormBody(101, "Nightly export of new visits for the dashboard, by date.");

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired AuditTrail audit;
    @Autowired TokenRequests requests;
    @Autowired TokenRegistry registry;
    @Autowired OffboardingEvents offboardings;

    EngineRest rest;
    SimulatorHttp simulator;

    @BeforeEach
    void people() {
        RealServers.serveHttpFrom(context);
        rest = new EngineRest(RealServers.baseUrl(context));
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        person("alice", ContractGroups.REQUESTERS);
        person("bob", ContractGroups.REQUESTERS);
        person("erin", ContractGroups.REQUESTERS);
        person("eve", ContractGroups.REQUESTERS);
        person("pat", ContractGroups.REQUESTERS);
        person("rita", ContractGroups.REQUESTERS, ContractGroups.SPECIALISTS, ContractGroups.ADMINS);
        person("sam", ContractGroups.SPECIALISTS);
        person("ada", ContractGroups.ADMINS);
        person("root", ContractGroups.CAMUNDA_ADMINS);
    }

    @Test
    void anAdministratorStartingARequestAtItsIssuanceGetsNoTokenInEitherEnvironment() {
        for (String step : List.of("Task_IssueProductionToken", "Task_IssueQaToken")) {
            String request = startBefore(step, "eve");
            Jobs.runDue(management);

            assertThat(runtime.createProcessInstanceQuery().processInstanceId(request).count()).as(step).isZero();
            assertRefused(request, "the request was not submitted through the request form");
        }
        assertThat(simulator.tokenOf("prod", "eve", 101)).isNull();
        assertThat(simulator.tokenOf("qa", "eve", 201)).isNull();
    }

    @Test
    void anAdministratorStartingAtTheReleaseApprovalSkipsNoReview() {
        String request = startBefore("Task_ApproveRelease", "eve");
        Jobs.runDue(management);
        complete("ada", task(request, "Task_ApproveRelease"), "{\"adminDecision\": {\"value\": \"APPROVED\"}}");
        Jobs.runDue(management);

        assertRefused(request, "the request was not submitted through the request form");
        assertThat(simulator.tokenOf("prod", "eve", 101)).isNull();
    }

    @Test
    void anAdministratorMovingARealRequestToItsProductionIssuanceGetsNoToken() {
        String request = submit("bob");
        HttpResponse<String> moved = rest.post("/process-instance/" + request + "/modification", "root", PASSWORD, """
                {"instructions": [
                  {"type": "cancel", "activityId": "Task_DevelopAndTestInQa"},
                  {"type": "startBeforeActivity", "activityId": "Task_IssueProductionToken"}]}""");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        Jobs.runDue(management);

        assertRefused(request, "the requester has not reported their QA test");
        assertThat(requests.find(request).orElseThrow().status()).isEqualTo(RequestStatus.REFUSED);
        assertThat(simulator.tokenOf("prod", "bob", 101)).isNull();
        assertThat(simulator.tokenOf("qa", "bob", 201)).as("the QA token its gates allowed").matches("[0-9A-F]{32}");
    }

    @Test
    void anIssuanceStartedOnItsOwnIsRefused() {
        HttpResponse<String> started = rest.post("/process-definition/key/TokenIssuanceProcess/start", "root", PASSWORD, """
                {"variables": {"environment": {"value": "PROD", "type": "String"}, "holder": {"value": "rita", "type": "String"},
                  "requestId": {"value": "forged", "type": "String"}, "projectId": {"value": 101, "type": "Long"},
                  "rightExport": {"value": true, "type": "Boolean"}}}""");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        Jobs.runDue(management);

        assertThat(simulator.tokenOf("prod", "rita", 101)).isNull();
        assertThat(audit.between(Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), 10_000))
                .anyMatch(entry -> entry.action() == AuditAction.ISSUANCE_REFUSED
                        && entry.details().contains("the issuance was not started by a token request"));
    }

    @Test
    void variablesRewrittenAfterTheSubmissionDoNotChangeWhatIsIssued() throws Exception {
        String request = submit("alice");
        for (String[] rewrite : new String[][] {{"rightImport", "{\"value\": true, \"type\": \"Boolean\"}"},
                {"productionProjectId", "{\"value\": 999, \"type\": \"Long\"}"},
                {"requester", "{\"value\": \"bob\", \"type\": \"String\"}"}}) {
            HttpResponse<String> written = rest.call("PUT", "/process-instance/" + request + "/variables/" + rewrite[0],
                    "root", PASSWORD, rewrite[1]);
            assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
        }
        passEveryGate(request, "alice", "sam", "ada");

        String token = simulator.tokenOf("prod", "alice", 101);
        assertThat(token).matches("[0-9A-F]{32}");
        JsonNode alice = userOnProject(RealServers.PROD_STEWARD_TOKEN, "alice");
        assertThat(alice.get("api_export").asInt()).isEqualTo(1);
        assertThat(alice.get("api_import").asInt()).as("import was never requested").isZero();
        assertThat(simulator.tokenOf("prod", "bob", 101)).isNull();
    }

    @Test
    void fourEyesHoldAgainstLocalVariablesAssignmentCandidatesAndDelegation() {
        String request = submit("rita");
        testInQa(request, "rita");
        Task review = task(request, "Task_ReviewCode");
        rest.call("PUT", "/task/" + review.getId() + "/localVariables/requester", "root", PASSWORD,
                "{\"value\": \"sam\", \"type\": \"String\"}");

        assertThat(rest.post("/task/" + review.getId() + "/claim", "rita", PASSWORD, "{\"userId\": \"rita\"}").statusCode())
                .isEqualTo(403);
        assertThat(rest.post("/task/" + review.getId() + "/complete", "rita", PASSWORD,
                "{\"variables\": {\"codeReviewOutcome\": {\"value\": \"APPROVED\"}}}").statusCode()).isEqualTo(403);
        HttpResponse<String> assigned = rest.post("/task/" + review.getId() + "/assignee", "root", PASSWORD,
                "{\"userId\": \"rita\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(403);
        assertThat(assigned.body()).contains("rita may not act on 'REQ-").contains(": Review API code of rita for project 101'")
                .doesNotContain("ENGINE-");
        HttpResponse<String> candidate = rest.post("/task/" + review.getId() + "/identity-links", "root", PASSWORD,
                "{\"userId\": \"rita\", \"type\": \"candidate\"}");
        assertThat(candidate.statusCode()).as(candidate.body()).isEqualTo(403);
        HttpResponse<String> delegated = rest.post("/task/" + review.getId() + "/delegate", "root", PASSWORD,
                "{\"userId\": \"rita\"}");
        assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(403);

        Task unchanged = task(request, "Task_ReviewCode");
        assertThat(unchanged.getAssignee()).isNull();
        assertThat(tasks.getIdentityLinksForTask(unchanged.getId())).noneMatch(link -> "rita".equals(link.getUserId()));
        assertThat(audit.ofRequest(request)).filteredOn(entry -> entry.action() == AuditAction.FOUR_EYES_VIOLATION_REFUSED)
                .isNotEmpty();

        complete("sam", unchanged, "{" + CodeReviews.approvedJson() + "}");
        Task approval = task(request, "Task_ApproveRelease");
        assertThat(rest.post("/task/" + approval.getId() + "/claim", "rita", PASSWORD, "{\"userId\": \"rita\"}").statusCode())
                .as("nor approve her own release").isEqualTo(403);
        assertThat(simulator.tokenOf("prod", "rita", 101)).isNull();
    }

    @Test
    void aHolderCannotEndTheirTokensLifecycleWithABpmnError() {
        submit("bob");
        IssuedToken qa = registry.liveToken("bob", RedcapEnvironment.QA, 201).orElseThrow();
        String lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(qa.id()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(lifecycle).activityId("Timer_RenewalNoticeDue")
                .singleResult().getId());
        Jobs.runDue(management);
        Task renewal = task(lifecycle, "Task_ConfirmRenewal");

        HttpResponse<String> ended = rest.post("/task/" + renewal.getId() + "/bpmnError", "bob", PASSWORD,
                "{\"errorCode\": \"TOKEN_CLOSED\"}");

        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(lifecycle).count()).as("the lifecycle runs on").isOne();
        assertThat(task(lifecycle, "Task_ConfirmRenewal").getId()).isEqualTo(renewal.getId());
    }

    @Test
    void aCompromiseNobodyReportedRegeneratesNothingAndAReinstatementWithoutItsGatesRestoresNothing() {
        String request = submit("erin");
        passEveryGate(request, "erin", "sam", "ada");
        String value = simulator.tokenOf("prod", "erin", 101);
        IssuedToken production = registry.liveToken("erin", RedcapEnvironment.PROD, 101).orElseThrow();

        HttpResponse<String> message = rest.post("/message", "root", PASSWORD,
                "{\"messageName\": \"Msg_TokenCompromised\", \"businessKey\": \"" + production.id() + "\","
                        + " \"processVariables\": {\"reportedBy\": {\"value\": \"erin\"}}}");
        assertThat(message.statusCode()).as(message.body()).isIn(200, 204);
        Jobs.runDue(management);
        assertThat(simulator.tokenOf("prod", "erin", 101)).as("no new value").isEqualTo(value);
        assertThat(audit.ofToken(production.id())).extracting(AuditEntry::action).contains(AuditAction.ISSUANCE_REFUSED);

        HttpResponse<String> suspended = rest.post("/message", "root", PASSWORD,
                "{\"messageName\": \"Msg_SuspendToken\", \"businessKey\": \"" + production.id() + "\", \"processVariables\": {"
                        + "\"suspensionReason\": {\"value\": \"Polling every second\"}, \"reportedBy\": {\"value\": \"ada\"}}}");
        assertThat(suspended.statusCode()).as(suspended.body()).isIn(200, 204);
        Jobs.runDue(management);
        assertThat(simulator.versionStatus("prod", value)).isEqualTo(403);
        String lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(production.id()).singleResult().getId();
        HttpResponse<String> skipped = rest.post("/process-instance/" + lifecycle + "/modification", "root", PASSWORD, """
                {"instructions": [
                  {"type": "cancel", "activityId": "Task_RetestFixInQa"},
                  {"type": "startBeforeActivity", "activityId": "Task_ReinstateToken"}]}""");
        assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(204);
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("prod", value)).as("still suspended").isEqualTo(403);
        assertThat(audit.ofToken(production.id())).filteredOn(entry -> entry.action() == AuditAction.ISSUANCE_REFUSED)
                .extracting(AuditEntry::details).anyMatch(details -> details.contains("reinstating a suspended token"));
    }

    @Test
    void aPersonWhoLeftIsRefusedAtEligibilityAndTheirOpenRequestIsClosed() {
        String open = submit("pat");
        offboardings.record("pat", "HR", "terminated", OffboardingEvent.TERMINATED, null, null);
        Jobs.runDue(management);

        assertThat(requests.find(open).orElseThrow().status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(open).count()).isZero();

        assertThat(simulator.tokenOf("qa", "pat", 201)).as("revoked with the departure").isNull();
        String again = submit("pat");
        assertThat(requests.find(again).orElseThrow().status()).isEqualTo(RequestStatus.INELIGIBLE);
        assertThat(requests.find(again).orElseThrow().outcomeReason()).contains("'pat' left the organisation");
        assertThat(simulator.tokenOf("qa", "pat", 201)).isNull();
    }

    /** An administrator starts the request process before {@code step}, with the variables a request would carry. */
    private String startBefore(String step, String requester) {
        String body = SURVEY.replace("{\"variables\": {", "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", "
                + "\"activityId\": \"" + step + "\"}], \"variables\": {\"requester\": {\"value\": \"" + requester
                + "\", \"type\": \"String\"}, \"sponsor\": {\"value\": null, \"type\": \"Null\"},");
        HttpResponse<String> started = rest.post("/process-definition/key/TokenRequestProcess/start", "root", PASSWORD, body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return EngineRest.json(started).get("id").asText();
    }

    /** The requester submits the survey through Tasklist's call; eligibility runs and the QA token is issued. */
    private String submit(String requester) {
        HttpResponse<String> started = rest.post("/process-definition/key/TokenRequestProcess/submit-form", requester,
                PASSWORD, SURVEY);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        Jobs.runDue(management);
        return EngineRest.json(started).get("id").asText();
    }

    private void testInQa(String request, String requester) {
        complete(requester, task(request, "Task_DevelopAndTestInQa"), EngineRest.qaResults()
                .replace("{\"variables\": ", "").replaceAll("}$", ""));
    }

    private void passEveryGate(String request, String requester, String reviewer, String approver) {
        testInQa(request, requester);
        complete(reviewer, task(request, "Task_ReviewCode"), "{" + CodeReviews.approvedJson() + "}");
        complete(approver, task(request, "Task_ApproveRelease"), "{\"adminDecision\": {\"value\": \"APPROVED\"}}");
        Jobs.runDue(management);
    }

    /** Claims if needed and completes with form values, as Tasklist does. */
    private void complete(String user, Task task, String variablesJson) {
        if (task.getAssignee() == null) {
            HttpResponse<String> claimed = rest.post("/task/" + task.getId() + "/claim", user, PASSWORD,
                    "{\"userId\": \"" + user + "\"}");
            assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        }
        HttpResponse<String> done = rest.post("/task/" + task.getId() + "/submit-form", user, PASSWORD,
                "{\"variables\": " + variablesJson + "}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        Jobs.runDue(management);
    }

    private Task task(String processInstanceId, String key) {
        Jobs.enter(management, processInstanceId, key);
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key + " waiting").isNotNull();
        return task;
    }

    private void assertRefused(String request, String gate) {
        assertThat(audit.ofRequest(request)).filteredOn(entry -> entry.action() == AuditAction.ISSUANCE_REFUSED)
                .extracting(AuditEntry::details).anyMatch(details -> details.endsWith(": " + gate));
    }

    private JsonNode userOnProject(String stewardToken, String username) throws Exception {
        for (JsonNode user : simulator.exportUsers("prod", stewardToken)) {
            if (username.equals(user.get("username").asText())) {
                return user;
            }
        }
        throw new AssertionError(username + " is not a user of the project");
    }

    private void person(String username, String... groups) {
        if (identity.createUserQuery().userId(username).count() > 0) {
            return;
        }
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
        }
        User user = identity.newUser(username);
        user.setEmail(username + "@example.org");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(username, group);
        }
    }
}
