package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.engineaccess.EngineApiClient.Api;
import org.tokengov.identity.ContractGroups;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * A logged-in person other than an administrator attacks the token request through both engine APIs: Camunda's REST
 * API with Basic ({@code /engine-rest}) and the webapps' engine API with Tasklist's session
 * ({@code /camunda/api/engine}). Every attack gets its exact 4xx with one plain sentence, and changes nothing: the
 * request waits where it waited with the same data, and REDCap holds no token it should not. Then the calls Tasklist
 * makes carry a request from start to production token for the same kind of people. Demo data is off: the users
 * are created here, so the authorizations the product grants at start-up are what lets them work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "tokengov.demo.enabled=false")
@ContextConfiguration(initializers = RealServers.class)
@ExtendWith(OutputCaptureExtension.class)
class EngineAccessIT {

    private static final String PASSWORD = "engine-access-" + UUID.randomUUID();
    private static final String PROCESS = "TokenRequestProcess";
    private static final int FORBIDDEN = 403;
    private static final int BAD_REQUEST = 400;
    private static final String REFUSED = "EngineAccessRefusedException";
    private static final String BAD_INPUT = "FormInputRefusedException";
    private static final String MALFORMED = "MalformedCallException";

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;

    String app;
    SimulatorHttp simulator;

    /** An attack: a call and the refusal it must get. */
    record Attack(String what, String method, String path, String body, int status, String type) {
    }

    @BeforeEach
    void peopleAndAliceWaitingAtQaTesting() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        simulator = new SimulatorHttp(app);
        person("alice", ContractGroups.REQUESTERS);
        person("bob", ContractGroups.REQUESTERS);
        person("rita", ContractGroups.REQUESTERS);
        person("sam", ContractGroups.SPECIALISTS);
        person("ada", ContractGroups.ADMINS);
        person("root", ContractGroups.CAMUNDA_ADMINS);
        if (aliceRequest() == null) {
            HttpResponse<String> started = new EngineRest(app).post("/process-definition/key/" + PROCESS + "/submit-form", "alice",
                    PASSWORD, EngineRest.startFormBody(101, "Nightly export of new visits for the dashboard, filtered by date."));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            Jobs.runDue(management);
        }
        assertThat(aliceTask().getAssignee()).isEqualTo("alice");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void startingAnywhereButTheBeginningOrWithMoreThanTheStartFormIsRefused(Api api) {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion().singleResult().getId();
        String survey = EngineRest.startFormBody(101, "Nightly export of new visits for the dashboard, filtered by date.");
        List<Attack> attacks = List.of(
                new Attack("start before the production token", "POST", "/process-definition/key/" + PROCESS + "/start",
                        startBefore("Task_IssueProductionToken", survey), FORBIDDEN, REFUSED),
                new Attack("start before the QA token", "POST", "/process-definition/key/" + PROCESS + "/start",
                        startBefore("Task_IssueQaToken", survey), FORBIDDEN, REFUSED),
                new Attack("start before the release approval", "POST", "/process-definition/key/" + PROCESS + "/start",
                        startBefore("Task_ApproveRelease", survey), FORBIDDEN, REFUSED),
                new Attack("start form with start instructions", "POST", "/process-definition/" + definition + "/submit-form",
                        startBefore("Task_IssueProductionToken", survey), FORBIDDEN, REFUSED),
                new Attack("skip the listeners", "POST", "/process-definition/key/" + PROCESS + "/start",
                        with(survey, "\"skipCustomListeners\": true"), FORBIDDEN, REFUSED),
                new Attack("skip the I/O mappings", "POST", "/process-definition/" + definition + "/start",
                        with(survey, "\"skipIoMappings\": true"), FORBIDDEN, REFUSED),
                new Attack("choose the business key", "POST", "/process-definition/key/" + PROCESS + "/submit-form",
                        with(survey, "\"businessKey\": \"token-1\""), FORBIDDEN, REFUSED),
                new Attack("name someone else as requester", "POST", "/process-definition/key/" + PROCESS + "/submit-form",
                        addVariable(survey, "\"requester\": {\"value\": \"alice\", \"type\": \"String\"}"), BAD_REQUEST, BAD_INPUT),
                new Attack("a JSON object as usage", "POST", "/process-definition/key/" + PROCESS + "/submit-form",
                        replaceVariable(survey, "usageDescription", "{\"type\": \"Json\", \"value\": \"{\\\"a\\\": 1}\"}"),
                        BAD_REQUEST, BAD_INPUT),
                new Attack("a serialized Java object as a field", "POST", "/process-definition/key/" + PROCESS + "/start",
                        replaceVariable(survey, "callSchedule", "{\"type\": \"Object\", \"value\": \"rO0ABXQABHRleHQ=\", \"valueInfo\": "
                                + "{\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}"),
                        BAD_REQUEST, BAD_INPUT));

        attack(api, "rita", attacks);

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).variableValueEquals("requester", "rita").count())
                .as("no request of rita's started").isZero();
        assertThat(simulator.tokenOf("qa", "rita", 201)).isNull();
        assertThat(simulator.tokenOf("prod", "rita", 101)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void writingTheRequestsDataOutsideItsFormsIsRefused(Api api) {
        ProcessInstance request = aliceRequest();
        String task = aliceTask().getId();
        String id = request.getId();
        Snapshot before = snapshot();
        String value = "{\"value\": \"APPROVED\", \"type\": \"String\"}";
        String modifications = "{\"modifications\": {\"adminDecision\": " + value + "}}";

        attack(api, "alice", List.of(
                new Attack("task variable", "PUT", "/task/" + task + "/variables/adminDecision", value, FORBIDDEN, REFUSED),
                new Attack("task local variable", "PUT", "/task/" + task + "/localVariables/adminDecision", value, FORBIDDEN, REFUSED),
                new Attack("task variables (modify)", "POST", "/task/" + task + "/variables", modifications, FORBIDDEN, REFUSED),
                new Attack("task local variables (modify)", "POST", "/task/" + task + "/localVariables", modifications, FORBIDDEN, REFUSED),
                new Attack("delete a task variable", "DELETE", "/task/" + task + "/variables/requester", null, FORBIDDEN, REFUSED),
                new Attack("delete a task local variable", "DELETE", "/task/" + task + "/localVariables/requester", null, FORBIDDEN, REFUSED),
                new Attack("process variable", "PUT", "/process-instance/" + id + "/variables/codeReviewOutcome", value, FORBIDDEN, REFUSED),
                new Attack("process variables (modify)", "POST", "/process-instance/" + id + "/variables", modifications, FORBIDDEN, REFUSED),
                new Attack("delete a process variable", "DELETE", "/process-instance/" + id + "/variables/requester", null, FORBIDDEN, REFUSED),
                new Attack("execution local variable", "PUT", "/execution/" + id + "/localVariables/adminDecision", value, FORBIDDEN, REFUSED),
                new Attack("execution local variables (modify)", "POST", "/execution/" + id + "/localVariables", modifications, FORBIDDEN, REFUSED),
                new Attack("variables of many instances", "POST", "/process-instance/variables-async",
                        "{\"processInstanceIds\": [\"" + id + "\"], \"variables\": {\"adminDecision\": " + value + "}}", FORBIDDEN, REFUSED)));

        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void submittingMoreThanTheStepsFormLetsThePersonFillInIsRefused(Api api) {
        String task = aliceTask().getId();
        Snapshot before = snapshot();
        String results = "\"codeRepositoryUrl\": {\"value\": \"https://git.example.org/lab/sync\"}, \"codeCommit\": {\"value\": \"9c1e2d7\"}, "
                + "\"testSummary\": {\"value\": \"Ran the export nightly in QA for a week.\"}";

        attack(api, "alice", List.of(
                new Attack("decide the release oneself", "POST", "/task/" + task + "/complete",
                        "{\"variables\": {" + results + ", \"adminDecision\": {\"value\": \"APPROVED\"}}}", BAD_REQUEST, BAD_INPUT),
                new Attack("approve one's own code", "POST", "/task/" + task + "/submit-form",
                        "{\"variables\": {" + results + ", \"codeReviewOutcome\": {\"value\": \"APPROVED\"}}}", BAD_REQUEST, BAD_INPUT),
                new Attack("a disabled display field", "POST", "/task/" + task + "/submit-form",
                        "{\"variables\": {" + results + ", \"codeReviewComments\": {\"value\": \"all good\"}}}", BAD_REQUEST, BAD_INPUT),
                new Attack("rename the requester", "POST", "/task/" + task + "/submit-form",
                        "{\"variables\": {" + results + ", \"requester\": {\"value\": \"bob\"}}}", BAD_REQUEST, BAD_INPUT),
                new Attack("a serialized Java object", "POST", "/task/" + task + "/complete",
                        "{\"variables\": {\"codeCommit\": {\"type\": \"Object\", \"value\": \"rO0ABXQABHRleHQ=\", \"valueInfo\": "
                                + "{\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}",
                        BAD_REQUEST, BAD_INPUT),
                new Attack("a JSON value", "POST", "/task/" + task + "/submit-form",
                        "{\"variables\": {\"testSummary\": {\"type\": \"Json\", \"value\": \"{\\\"a\\\": 1}\"}}}", BAD_REQUEST, BAD_INPUT),
                new Attack("an XML value", "POST", "/task/" + task + "/submit-form",
                        "{\"variables\": {\"testSummary\": {\"type\": \"Xml\", \"value\": \"<a/>\"}}}", BAD_REQUEST, BAD_INPUT),
                new Attack("a file", "POST", "/task/" + task + "/complete",
                        "{\"variables\": {\"testSummary\": {\"type\": \"File\", \"value\": \"aGk=\", \"valueInfo\": {\"filename\": \"a.txt\"}}}}",
                        BAD_REQUEST, BAD_INPUT),
                new Attack("an object where text belongs", "POST", "/task/" + task + "/submit-form",
                        "{\"variables\": {\"testSummary\": {\"type\": \"String\", \"value\": {\"a\": 1}}}}", BAD_REQUEST, BAD_INPUT),
                new Attack("variables returned with the completion", "POST", "/task/" + task + "/complete",
                        "{\"variables\": {" + results + "}, \"withVariablesInReturn\": true}", BAD_REQUEST, BAD_INPUT)));

        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void endingMovingOrHandingOnOnesOwnStepIsRefused(Api api) {
        ProcessInstance request = aliceRequest();
        String task = aliceTask().getId();
        String definition = request.getProcessDefinitionId();
        Snapshot before = snapshot();

        attack(api, "alice", List.of(
                new Attack("close the token with an error", "POST", "/task/" + task + "/bpmnError",
                        "{\"errorCode\": \"TOKEN_CLOSED\"}", FORBIDDEN, REFUSED),
                new Attack("escalate", "POST", "/task/" + task + "/bpmnEscalation", "{\"escalationCode\": \"ANY\"}", FORBIDDEN, REFUSED),
                new Attack("delegate", "POST", "/task/" + task + "/delegate", "{\"userId\": \"bob\"}", FORBIDDEN, REFUSED),
                new Attack("resolve", "POST", "/task/" + task + "/resolve", "{\"variables\": {}}", FORBIDDEN, REFUSED),
                new Attack("claim for someone else", "POST", "/task/" + task + "/claim", "{\"userId\": \"bob\"}", FORBIDDEN, REFUSED),
                new Attack("set the assignee", "POST", "/task/" + task + "/assignee", "{\"userId\": \"bob\"}", FORBIDDEN, REFUSED),
                new Attack("add a candidate", "POST", "/task/" + task + "/identity-links",
                        "{\"userId\": \"bob\", \"type\": \"candidate\"}", FORBIDDEN, REFUSED),
                new Attack("remove the assignee link", "POST", "/task/" + task + "/identity-links/delete",
                        "{\"userId\": \"alice\", \"type\": \"assignee\"}", FORBIDDEN, REFUSED),
                new Attack("change the step", "PUT", "/task/" + task, "{\"name\": \"Approved already\", \"assignee\": \"bob\"}",
                        FORBIDDEN, REFUSED),
                new Attack("jump to the production token", "POST", "/process-instance/" + request.getId() + "/modification",
                        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_IssueProductionToken\"}]}",
                        FORBIDDEN, REFUSED),
                new Attack("jump by batch", "POST", "/modification/execute", "{\"processDefinitionId\": \"" + definition
                        + "\", \"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_ApproveRelease\"}], "
                        + "\"processInstanceIds\": [\"" + request.getId() + "\"]}", FORBIDDEN, REFUSED),
                new Attack("restart", "POST", "/process-definition/" + definition + "/restart", "{\"processInstanceIds\": [\""
                        + request.getId() + "\"], \"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": "
                        + "\"Task_IssueProductionToken\"}]}", FORBIDDEN, REFUSED),
                new Attack("migrate", "POST", "/migration/execute", "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"" + definition
                        + "\", \"targetProcessDefinitionId\": \"" + definition + "\", \"instructions\": []}, \"processInstanceIds\": [\""
                        + request.getId() + "\"]}", FORBIDDEN, REFUSED),
                new Attack("suspend", "PUT", "/process-instance/" + request.getId() + "/suspended", "{\"suspended\": true}",
                        FORBIDDEN, REFUSED),
                new Attack("delete the request", "DELETE", "/process-instance/" + request.getId(), null, FORBIDDEN, REFUSED),
                new Attack("revoke a token by message", "POST", "/message",
                        "{\"messageName\": \"Msg_RevokeToken\", \"all\": true}", FORBIDDEN, REFUSED),
                new Attack("signal", "POST", "/signal", "{\"name\": \"anything\"}", FORBIDDEN, REFUSED),
                new Attack("deploy", "POST", "/deployment/create", "{}", FORBIDDEN, REFUSED),
                new Attack("change one's profile", "PUT", "/user/alice/profile",
                        "{\"id\": \"alice\", \"firstName\": \"Mallory\", \"lastName\": \"M\", \"email\": \"m@example.org\"}", FORBIDDEN, REFUSED),
                new Attack("join the administrators", "PUT", "/group/camunda-admin/members/alice", null, FORBIDDEN, REFUSED),
                new Attack("grant oneself", "POST", "/authorization/create", "{\"type\": 1, \"permissions\": [\"ALL\"], "
                        + "\"userId\": \"alice\", \"resourceType\": 0, \"resourceId\": \"*\"}", FORBIDDEN, REFUSED),
                new Attack("retry a job", "PUT", "/job/any/retries", "{\"retries\": 1}", FORBIDDEN, REFUSED)));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(identity.createUserQuery().userId("alice").singleResult().getFirstName()).isEqualTo("alice");
        assertThat(identity.createUserQuery().memberOfGroup(ContractGroups.CAMUNDA_ADMINS).userId("alice").count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void theEngineRefusesWhatOnlyItCanJudge(Api api) {
        String task = aliceTask().getId();
        Snapshot before = snapshot();

        // The filter lets these calls through; whose step it is, only the engine knows.
        attack(api, "bob", List.of(
                new Attack("give back someone else's step", "POST", "/task/" + task + "/unclaim", null, FORBIDDEN, REFUSED)));
        // Camunda itself finds no step bob may see (400), before the engine is asked to add the comment.
        HttpResponse<String> comment = client(api, "bob").post("/task/" + task + "/comment/create", "{\"message\": \"Approved!\"}");
        assertThat(comment.statusCode()).as(comment.body()).isIn(BAD_REQUEST, FORBIDDEN, 404);
        assertThat(tasks.getTaskComments(task)).isEmpty();

        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void addressesThatCouldBeReadInTwoWaysAreRefused(Api api) {
        String task = aliceTask().getId();
        Snapshot before = snapshot();
        EngineApiClient alice = client(api, "alice");
        String engine = api == Api.ENGINE_REST ? "" : "/engine/default";

        // Tomcat (encoded slash) and Spring Security's firewall refuse most of these first (400); the filter would too.
        unreadable(alice.raw("PUT", engine + "/task;x=1/" + task + "/variables/adminDecision", "{\"value\": \"APPROVED\"}"));
        unreadable(alice.raw("PUT", engine + "/task/" + task + "/../../task/" + task + "/localVariables/adminDecision",
                "{\"value\": \"APPROVED\"}"));
        unreadable(alice.raw("PUT", engine + "/task/" + task + "%2Fvariables/adminDecision", "{\"value\": \"APPROVED\"}"));
        unreadable(alice.raw("PUT", engine + "//task/" + task + "/variables/adminDecision", "{\"value\": \"APPROVED\"}"));
        refusal(alice.send("POST", "/task/count", "{}", "X-HTTP-Method-Override", "DELETE"), BAD_REQUEST, MALFORMED);

        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void queriesSentAsPostReadForPeopleWhoAreNotAdministrators(Api api) {
        EngineApiClient alice = client(api, "alice");
        String request = aliceRequest().getId();
        String byInstance = "{\"processInstanceId\": \"" + request + "\"}";
        String myTasks = json(alice.get("/filter?name=My%20tasks")).get(0).get("id").asText();

        assertThat(json(alice.post("/task", byInstance)).get(0).get("id").asText()).isEqualTo(aliceTask().getId());
        assertThat(json(alice.post("/filter/" + myTasks + "/list", "{}")).toString()).contains(aliceTask().getId());
        assertThat(json(alice.post("/filter/" + myTasks + "/singleResult", byInstance)).get("id").asText()).isEqualTo(aliceTask().getId());
        assertThat(json(alice.post("/process-instance", "{\"processInstanceIds\": [\"" + request + "\"]}")))
                .as("reads pass the filter; Camunda's authorizations still decide: no READ on process instances").isEmpty();
        assertThat(json(alice.post("/history/task", byInstance)).toString()).contains(aliceTask().getId());
        for (String query : List.of("/task/count", "/filter/" + myTasks + "/count", "/process-instance/count", "/execution",
                "/execution/count", "/variable-instance", "/variable-instance/count", "/job", "/job/count", "/job-definition",
                "/job-definition/count", "/external-task", "/external-task/count", "/group", "/group/count", "/case-instance",
                "/case-instance/count", "/case-execution", "/case-execution/count", "/history/process-instance",
                "/history/process-instance/count", "/history/activity-instance", "/history/activity-instance/count",
                "/history/task/count", "/history/variable-instance", "/history/variable-instance/count", "/history/detail",
                "/history/job-log", "/history/job-log/count", "/history/external-task-log", "/history/external-task-log/count",
                "/history/case-instance", "/history/case-instance/count")) {
            ok(alice.post(query, "{}"));
        }
    }

    @Test
    void theProductsAuthorizationsAreGrantedOnceAndNoMore(@Autowired ProductAuthorizations product,
            @Autowired AuthorizationService authorizations) {
        long before = authorizations.createAuthorizationQuery().count();
        product.run(null);
        assertThat(authorizations.createAuthorizationQuery().count()).as("a second start grants nothing twice").isEqualTo(before);

        assertThat(authorizations.isUserAuthorized("bob", List.of(ContractGroups.REQUESTERS), ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, PROCESS)).isTrue();
        assertThat(authorizations.isUserAuthorized("sam", List.of(ContractGroups.SPECIALISTS), ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, PROCESS)).isFalse();
        assertThat(authorizations.isUserAuthorized("bob", List.of(ContractGroups.REQUESTERS), ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, "OffboardingProcess")).isFalse();
        assertThat(authorizations.isUserAuthorized("ada", List.of(ContractGroups.ADMINS), ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, "OffboardingProcess")).isTrue();
        assertThat(authorizations.isUserAuthorized("ada", List.of(ContractGroups.ADMINS), Permissions.ACCESS, Resources.APPLICATION,
                "cockpit")).isTrue();
        assertThat(authorizations.isUserAuthorized("bob", List.of(ContractGroups.REQUESTERS), Permissions.ACCESS, Resources.APPLICATION,
                "cockpit")).isFalse();
        assertThat(authorizations.isUserAuthorized("bob", List.of(ContractGroups.REQUESTERS), Permissions.UPDATE, Resources.PROCESS_INSTANCE,
                aliceRequest().getId())).as("nobody but administrators writes process instances").isFalse();
    }

    @Test
    void anonymousCallsStayUnauthenticated() {
        assertThat(EngineApiClient.of(Api.ENGINE_REST, app, null, null).get("/task").statusCode()).isEqualTo(401);
        assertThat(EngineApiClient.of(Api.TASKLIST, app, null, null).get("/task").statusCode()).isEqualTo(401);
    }

    @Test
    void administratorsAreNotRestricted() {
        String request = aliceRequest().getId();
        HttpResponse<String> note = client(Api.ENGINE_REST, "root").send("PUT", "/process-instance/" + request + "/variables/adminNote",
                "{\"value\": \"looked at\", \"type\": \"String\"}");

        assertThat(note.statusCode()).as(note.body()).isEqualTo(204);
        assertThat(runtime.getVariable(request, "adminNote")).isEqualTo("looked at");
    }

    /**
     * bob requests a token, tests in QA, sam reviews and ada approves, all through the calls Tasklist makes (and a
     * script's, through /engine-rest): every allow-listed family of calls works for people who are not administrators.
     */
    @Test
    void tasklistsCallsCarryARequestToItsProductionToken(CapturedOutput output) throws IOException {
        EngineApiClient bob = client(Api.TASKLIST, "bob");
        assertThat(bob.raw("GET", "/engine/", null).statusCode()).isEqualTo(200);
        HttpResponse<String> startable = bob.get("/process-definition?latest=true&active=true&startableInTasklist=true"
                + "&startablePermissionCheck=true&firstResult=0&maxResults=15");
        assertThat(startable.body()).contains(PROCESS);
        assertThat(bob.get("/process-definition/count?latest=true&active=true&startableInTasklist=true").statusCode()).isEqualTo(200);
        String definition = json(bob.get("/process-definition/key/" + PROCESS)).get("id").asText();
        ok(bob.get("/process-definition/" + definition + "/startForm"));
        ok(bob.get("/process-definition/" + definition + "/deployed-start-form"));
        ok(bob.get("/process-definition/" + definition + "/xml"));

        HttpResponse<String> started = bob.post("/process-definition/" + definition + "/submit-form", """
                {"variables": {"productionProjectId": {"value": 101}, "qaProjectId": {"value": 201},
                  "rightExport": {"value": true}, "rightImport": {"value": false}, "rightMobileApp": {"value": false},
                  "intendedUse": {"value": "SCHEDULED_EXPORT"}, "fairUseAccepted": {"value": true},
                  "usageDescription": {"value": "Nightly export of new visits for the dashboard, filtered by date."},
                  "callSchedule": {"value": "Nightly at 02:00"}, "expectedCallsPerDay": {"value": 24}}}""");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String request = json(started).get("id").asText();
        Jobs.runDue(management);
        assertThat(simulator.tokenOf("qa", "bob", 201)).matches("[0-9A-F]{32}");

        ok(bob.get("/filter?resourceType=Task&itemCount=true"));
        assertThat(bob.send("OPTIONS", "/filter", null).statusCode()).isEqualTo(200);
        ok(bob.get("/filter/count"));
        String myTasks = json(bob.get("/filter?name=My%20tasks")).get(0).get("id").asText();
        HttpResponse<String> listed = bob.post("/filter/" + myTasks + "/list?firstResult=0&maxResults=15", "{}");
        assertThat(listed.statusCode()).isEqualTo(200);
        String qaTask = json(bob.get("/task?processInstanceId=" + request)).get(0).get("id").asText();
        assertThat(listed.body()).contains(qaTask);
        ok(bob.post("/filter/" + myTasks + "/count", "{}"));
        for (String read : List.of("", "/form", "/deployed-form", "/form-variables", "/identity-links", "/comment")) {
            ok(bob.get("/task/" + qaTask + read));
        }
        ok(bob.get("/history/user-operation?taskId=" + qaTask));
        ok(bob.get("/user/bob/profile"));
        ok(bob.post("/task/" + qaTask + "/comment/create", "{\"message\": \"Testing in QA this week\"}"));

        HttpResponse<String> badLink = bob.post("/task/" + qaTask + "/submit-form", """
                {"variables": {"codeRepositoryUrl": {"value": "not a link"}, "codeCommit": {"value": "9c1e2d7"},
                  "testSummary": {"value": "Ran the export nightly in QA for a week."}}}""");
        refusal(badLink, BAD_REQUEST, "FormFieldValidationException");
        assertThat(json(badLink).get("message").asText()).contains("Code repository URL must be an https:// link");
        ok(bob.post("/task/" + qaTask + "/submit-form", """
                {"variables": {"codeRepositoryUrl": {"value": "https://git.example.org/lab/sync"}, "codeCommit": {"value": "9c1e2d7"},
                  "testSummary": {"value": "Ran the export nightly in QA for a week with a date filter."}}}"""));
        Jobs.runDue(management); // the review is entered asynchronously: its offer reads the identity store

        EngineApiClient sam = client(Api.TASKLIST, "sam");
        String review = json(sam.post("/task", "{\"processInstanceId\": \"" + request + "\"}")).get(0).get("id").asText();
        ok(sam.post("/task/count", "{\"processInstanceId\": \"" + request + "\"}"));
        ok(sam.post("/task/" + review + "/claim", "{\"userId\": \"sam\"}"));
        ok(sam.post("/task/" + review + "/unclaim", null));
        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
        ok(sam.post("/task/" + review + "/claim", "{\"userId\": \"sam\"}"));
        ok(sam.post("/task/" + review + "/submit-form",
                "{\"variables\": {" + CodeReviews.approvedJson() + ", \"codeReviewComments\": {\"value\": \"Date filter, fine.\"}}}"));
        Jobs.runDue(management);

        EngineApiClient ada = client(Api.ENGINE_REST, "ada");
        String approval = json(ada.post("/task", "{\"processInstanceId\": \"" + request + "\"}")).get(0).get("id").asText();
        ok(ada.post("/task/" + approval + "/claim", "{\"userId\": \"ada\"}"));
        ok(ada.post("/task/" + approval + "/complete", "{\"variables\": {\"adminDecision\": {\"value\": \"APPROVED\", \"type\": \"String\"}}}"));
        Jobs.runDue(management);

        assertThat(simulator.tokenOf("prod", "bob", 101)).matches("[0-9A-F]{32}");
        ok(bob.post("/process-instance", "{\"processDefinitionKey\": \"" + PROCESS + "\"}"));
        ok(bob.post("/history/process-instance", "{\"processInstanceId\": \"" + request + "\"}"));
        ok(bob.post("/history/task/count", "{\"processInstanceId\": \"" + request + "\"}"));
        HttpResponse<String> scripted = client(Api.ENGINE_REST, "bob").post("/process-definition/key/" + PROCESS + "/start",
                EngineRest.startFormBody(101, "A second export for another dashboard, filtered by date."));
        assertThat(scripted.statusCode()).as(scripted.body()).isEqualTo(200);

        assertThat(output.getAll()).as("a refused step is one line, not an error with a stack trace")
                .doesNotContain("ENGINE-16004 Exception while closing command context: Cannot complete")
                .contains("Refused POST /camunda/api/engine/engine/default/task/" + qaTask + "/submit-form of bob (400)");
    }

    private void attack(Api api, String user, List<Attack> attacks) {
        EngineApiClient client = client(api, user);
        for (Attack attack : attacks) {
            HttpResponse<String> response = client.send(attack.method(), attack.path(), attack.body());
            refusal(response, attack.status(), attack.type(), api + " " + attack.what());
        }
    }

    private void refusal(HttpResponse<String> response, int status, String type) {
        refusal(response, status, type, response.request().method() + " " + response.request().uri());
    }

    /** The exact status, our JSON, and one sentence a person understands: no engine code, class or id. */
    private void refusal(HttpResponse<String> response, int status, String type, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("type").asText()).as(what + ": " + response.body()).isEqualTo(type);
        String message = body.get("message").asText();
        assertThat(message).as(what).isNotBlank().doesNotContain("ENGINE-").doesNotContain("TaskListener")
                .doesNotContain("Exception").doesNotContain(aliceTask().getId()).doesNotContain(aliceRequest().getId());
        assertThat(body.size()).as(what + ": only type and message").isEqualTo(2);
    }

    private void unreadable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isEqualTo(BAD_REQUEST);
        if (response.body().startsWith("{") && json(response).has("type")) {
            refusal(response, BAD_REQUEST, MALFORMED);
        }
    }

    /** What an attack must not change: alice's request, where it waits and who holds it, and REDCap's tokens. */
    record Snapshot(Map<String, Object> variables, String waitingAt, String assignee, List<String> links, long requests,
            long deployments, String aliceProductionToken) {
    }

    private Snapshot snapshot() {
        ProcessInstance request = aliceRequest();
        Task task = aliceTask();
        List<String> links = tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(link -> link.getType() + ":" + link.getUserId() + ":" + link.getGroupId()).sorted().toList();
        Map<String, Object> variables = new java.util.TreeMap<>(runtime.getVariables(request.getId()));
        variables.remove("adminNote"); // an administrator may write it (administratorsAreNotRestricted)
        return new Snapshot(variables, task.getTaskDefinitionKey(), task.getAssignee(), links,
                runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count(), repository.createDeploymentQuery().count(),
                simulator.tokenOf("prod", "alice", 101));
    }

    private ProcessInstance aliceRequest() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).variableValueEquals("requester", "alice")
                .activityIdIn("Task_DevelopAndTestInQa").list().stream().findFirst().orElse(null);
    }

    private Task aliceTask() {
        return tasks.createTaskQuery().processInstanceId(aliceRequest().getId()).taskDefinitionKey("Task_DevelopAndTestInQa").singleResult();
    }

    private EngineApiClient client(Api api, String user) {
        return EngineApiClient.of(api, app, user, PASSWORD);
    }

    private void person(String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            var created = identity.newGroup(group);
            created.setName(group);
            identity.saveGroup(created);
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setEmail(id + "@example.org");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": " + response.body())
                .isBetween(200, 204);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private static String startBefore(String activity, String survey) {
        return with(survey, "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"" + activity + "\"}]");
    }

    /** The body with one more top-level field. */
    private static String with(String body, String field) {
        return body.replaceFirst("\\{", "{" + field + ", ");
    }

    /** The body with a variable's value object replaced. */
    private static String replaceVariable(String body, String name, String value) {
        return body.replaceFirst("\"" + name + "\": \\{[^}]*\\}", java.util.regex.Matcher.quoteReplacement("\"" + name + "\": " + value));
    }

    /** The body with one more variable. */
    private static String addVariable(String body, String variable) {
        return body.replaceFirst("\"variables\": \\{", "\"variables\": {" + variable + ", ");
    }
}
