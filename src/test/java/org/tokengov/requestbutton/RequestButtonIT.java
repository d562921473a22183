package org.tokengov.requestbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * REDCap's request button end to end, on the real servers (engine on PostgreSQL, REDCap's schema in MariaDB, the
 * simulator over HTTP, Camunda's REST API with Basic authentication): a user presses the button on a project's API
 * page; the poll offers them, and nobody else, the request survey; completing it submits a token request in their
 * name; when that request is decided the to-do row in REDCap is completed or archived, with a comment. Each test's
 * requester is new, so the context can be shared with the other pipeline tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
class RequestButtonIT {

    static final String PASSWORD = "demo";
    static final ZoneId REDCAP_TIME = ZoneId.of("America/New_York");

    @Autowired ConfigurableApplicationContext context;
    @Autowired RequestButtonPoll poll;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRequests requests;
    @Autowired AuditTrail audit;

    SimulatorHttp simulator;
    EngineRest rest;
    IssuedTokens redcap;

    @BeforeEach
    void clients() {
        RealServers.serveHttpFrom(context);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        rest = new EngineRest(RealServers.baseUrl(context));
        redcap = new IssuedTokens(context);
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    /** A new researcher: in api-requesters, a user of PROD 101 and QA 201 with API export enabled by the PI. */
    String newRequester() {
        String username = "btn" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(username);
        user.setPassword(PASSWORD);
        user.setEmail(username + "@example.org");
        identity.saveUser(user);
        identity.createMembership(username, "api-requesters");
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            long project = environment == PROD ? 101 : 201;
            redcap.addProjectUser(environment, project, username);
            redcap.redcap(environment).update("UPDATE redcap_user_rights SET api_export = 1 WHERE project_id = ?"
                    + " AND username = ?", project, username);
        }
        return username;
    }

    /** The request button on the project's API page; returns the to-do row's request_id. */
    long pressTheButton(String environment, String username, long projectId) {
        HttpResponse<String> page = simulator.projectApiPage(environment, "request", username, projectId);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(EngineRest.json(page).get("outcome").asText()).isEqualTo("requested");
        return EngineRest.json(page).get("requestId").asLong();
    }

    Map<String, Object> todoRow(RedcapEnvironment environment, long requestId) {
        return redcap.redcap(environment).queryForMap("SELECT status, comment, request_completion_time,"
                + " request_completion_userid FROM redcap_todo_list WHERE request_id = ?", requestId);
    }

    Long uiIdInRedcap(RedcapEnvironment environment, String username) {
        JdbcTemplate db = redcap.redcap(environment);
        if (db.queryForObject("SELECT COUNT(*) FROM redcap_user_information WHERE username = ?", Integer.class, username) == 0) {
            db.update("INSERT INTO redcap_user_information (username, user_email) VALUES (?, ?)", username,
                    username + "@example.org");
        }
        return db.queryForObject("SELECT ui_id FROM redcap_user_information WHERE username = ?", Long.class, username);
    }

    Task survey(RedcapEnvironment environment, long todoRequestId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(environment.name() + "-" + todoRequestId)
                .taskDefinitionKey("Task_CompleteTokenRequest").singleResult();
    }

    TokenRequestRecord onlyRequestOf(String username) {
        assertThat(requests.ofRequester(username)).hasSize(1);
        return requests.ofRequester(username).get(0);
    }

    void complete(String user, String taskKey, String requestId, Map<String, Object> variables) {
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

    @Test
    void theButtonOnProductionBecomesTheRequestersSurveyTheirRequestAndACompletedToDoRowOnceIssued() {
        String requester = newRequester();
        Long adaInRedcap = uiIdInRedcap(PROD, "ada");
        long todo = pressTheButton("prod", requester, 101);

        assertThat(poll.poll()).isGreaterThanOrEqualTo(1);
        Jobs.runDue(management);
        Task survey = survey(PROD, todo);
        assertThat(survey).as("the survey waits for the requester").isNotNull();
        assertThat(survey.getAssignee()).isEqualTo(requester);
        assertThat(tasks.getVariable(survey.getId(), "productionProjectId")).isEqualTo(101L);

        assertThat(poll.poll()).as("a second poll takes nothing twice").isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("RequestButtonProcess")
                .processInstanceBusinessKey("PROD-" + todo).count()).isEqualTo(1);

        // A colleague with a login and curl: none of it moves the survey, or points it at someone or something else.
        String body = EngineRest.startFormBody(101, "Nightly export of new visits for the dashboard, filtered by date.");
        assertThat(rest.post("/task/" + survey.getId() + "/claim", "bob", PASSWORD, "{\"userId\": \"bob\"}").statusCode())
                .isIn(400, 403);
        assertThat(rest.post("/task/" + survey.getId() + "/complete", "bob", PASSWORD, body).statusCode()).isIn(400, 403);
        assertThat(rest.post("/task/" + survey.getId() + "/submit-form", "bob", PASSWORD, body).statusCode()).isIn(400, 403);
        assertThat(rest.post("/task/" + survey.getId() + "/assignee", "bob", PASSWORD, "{\"userId\": \"bob\"}").statusCode())
                .isIn(400, 403);
        assertThat(rest.post("/process-instance/" + survey.getProcessInstanceId() + "/variables", requester, PASSWORD,
                "{\"modifications\": {\"requester\": {\"value\": \"bob\", \"type\": \"String\"}}}").statusCode()).isIn(400, 403);
        assertThat(rest.post("/task/" + survey.getId() + "/localVariables", requester, PASSWORD,
                "{\"modifications\": {\"productionProjectId\": {\"value\": 102, \"type\": \"Long\"}}}").statusCode())
                .isIn(400, 403);
        assertThat(rest.post("/process-definition/key/RequestButtonProcess/start", requester, PASSWORD,
                "{\"variables\": {}}").statusCode()).as("nobody starts the button's process by hand").isIn(400, 403);
        assertThat(rest.post("/process-definition/key/RequestButtonProcess/start", "rita", PASSWORD,
                "{\"variables\": {}}").statusCode()).isIn(400, 403);
        // The requester may not move the request to another project, nor send what the form does not have.
        assertThat(rest.post("/task/" + survey.getId() + "/complete", requester, PASSWORD,
                EngineRest.startFormBody(102, "Nightly export of new visits for the dashboard, filtered by date."))
                .statusCode()).isEqualTo(400);
        assertThat(rest.post("/task/" + survey.getId() + "/complete", requester, PASSWORD, body.replace("\"qaProjectId\"",
                "\"requester\": {\"value\": \"bob\", \"type\": \"String\"}, \"qaProjectId\"")).statusCode()).isIn(400, 403);
        // ...and the survey is checked as a start from Tasklist is.
        HttpResponse<String> tooShort = rest.post("/task/" + survey.getId() + "/complete", requester, PASSWORD,
                EngineRest.startFormBody(101, "soon"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("Usage description must be 20 to 2000 characters long");
        assertThat(requests.ofRequester(requester)).isEmpty();
        assertThat(tasks.createTaskQuery().taskId(survey.getId()).singleResult().getAssignee()).isEqualTo(requester);

        HttpResponse<String> answered = rest.post("/task/" + survey.getId() + "/complete", requester, PASSWORD, body);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);

        TokenRequestRecord request = onlyRequestOf(requester);
        assertThat(request.requester()).as("the ledger's submitter is who completed the survey").isEqualTo(requester);
        assertThat(request.productionProjectId()).isEqualTo(101);
        assertThat(request.qaProjectId()).isEqualTo(201);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(request.id()).singleResult()
                .getProcessDefinitionId()).startsWith("TokenRequestProcess:");
        assertThat(audit.ofRequest(request.id())).extracting(AuditEntry::action)
                .contains(AuditAction.REQUEST_BUTTON_ANSWERED, AuditAction.REQUEST_SUBMITTED);
        assertThat(todoRow(PROD, todo)).containsEntry("status", "pending");

        complete(requester, "Task_DevelopAndTestInQa", request.id(), Map.of("codeRepositoryUrl",
                "https://git.example.org/lab/sync", "codeCommit", "9c1e2d7", "testSummary",
                "Ran the export nightly in QA for a week with a date filter."));
        complete("sam", "Task_ReviewCode", request.id(), CodeReviews.approved());
        complete("ada", "Task_ApproveRelease", request.id(), Map.of("adminDecision", "APPROVED"));
        Jobs.runDue(management);

        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
        Map<String, Object> row = todoRow(PROD, todo);
        assertThat(row.get("status")).isEqualTo("completed");
        assertThat((String) row.get("comment")).startsWith("Handled by API token governance: request " + request.id()
                + " issued");
        assertThat(((Number) row.get("request_completion_userid")).longValue()).as("the approving administrator")
                .isEqualTo(adaInRedcap);
        assertThat(((java.sql.Timestamp) row.get("request_completion_time")).toLocalDateTime())
                .as("REDCap's local time").isCloseTo(LocalDateTime.now(REDCAP_TIME), org.assertj.core.api.Assertions.within(
                        2, ChronoUnit.MINUTES));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("PROD-" + todo).count()).isZero();
        assertThat(audit.ofRequest(request.id())).extracting(AuditEntry::action).contains(AuditAction.REDCAP_TODO_CLOSED);
        assertThat(poll.poll()).as("a closed row is not taken again").isZero();
    }

    @Test
    void theButtonOnQaAsksForTheProductionProjectAndARejectedRequestArchivesTheToDoRow() {
        String requester = newRequester();
        Long samInRedcap = uiIdInRedcap(QA, "sam");
        long todo = pressTheButton("qa", requester, 201);
        long again = pressTheButton("qa", requester, 201);

        poll.poll();
        Jobs.runDue(management);
        assertThat(survey(QA, again)).as("one survey per person and project at a time").isNull();
        assertThat(todoRow(QA, again)).containsEntry("status", "archived").containsEntry("comment",
                "Handled by API token governance: not taken up: " + requester + " already asked for a token on this"
                        + " project (to-do " + todo + "), which is still open.");
        Task survey = survey(QA, todo);
        assertThat(survey.getAssignee()).isEqualTo(requester);
        assertThat(tasks.getVariable(survey.getId(), "qaProjectId")).isEqualTo(201L);
        assertThat(tasks.getVariable(survey.getId(), "productionProjectId")).isNull();
        HttpResponse<String> answered = rest.post("/task/" + survey.getId() + "/submit-form", requester, PASSWORD,
                EngineRest.startFormBody(101, "Weekly import of lab values from the analyser, after review."));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
        TokenRequestRecord request = onlyRequestOf(requester);
        assertThat(request.requester()).isEqualTo(requester);

        complete(requester, "Task_DevelopAndTestInQa", request.id(), Map.of("codeRepositoryUrl",
                "https://git.example.org/lab/import", "codeCommit", "1a2b3c4", "testSummary",
                "Imported a week of lab values into QA and compared them with the analyser."));
        complete("sam", "Task_ReviewCode", request.id(), Map.of("codeReviewOutcome", "REJECTED",
                "codeReviewComments", "The import overwrites values entered by hand."));
        Jobs.runDue(management);

        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.REJECTED);
        Map<String, Object> row = todoRow(QA, todo);
        assertThat(row.get("status")).isEqualTo("archived");
        assertThat((String) row.get("comment")).isEqualTo("Handled by API token governance: request " + request.id()
                + " rejected: Code review: The import overwrites values entered by hand.");
        assertThat(((Number) row.get("request_completion_userid")).longValue()).as("the reviewer who rejected it")
                .isEqualTo(samInRedcap);
    }

    @Test
    void someoneWhoMayNotRequestTokensHasTheirToDoRowArchivedWithTheReason() {
        String outsider = "btn" + UUID.randomUUID().toString().substring(0, 8);
        redcap.addProjectUser(PROD, 101, outsider);
        redcap.redcap(PROD).update("UPDATE redcap_user_rights SET api_export = 1 WHERE project_id = 101 AND username = ?",
                outsider);
        long todo = pressTheButton("prod", outsider, 101);

        poll.poll();
        Jobs.runDue(management);

        assertThat(survey(PROD, todo)).isNull();
        Map<String, Object> row = todoRow(PROD, todo);
        assertThat(row.get("status")).isEqualTo("archived");
        assertThat((String) row.get("comment")).isEqualTo("Handled by API token governance: not taken up: " + outsider
                + " has no active account in API token governance's identity store.");
        assertThat(row.get("request_completion_userid")).isNull();
    }
}
