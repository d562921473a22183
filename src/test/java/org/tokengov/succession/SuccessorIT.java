package org.tokengov.succession;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.tokengov.identity.ContractGroups;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.request.Successions;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * A leaver's pipeline keeps running: over real HTTP, the project's PI names the successor before the leaver's dated
 * departure; the successor requests as anyone does, tests the predecessor's reviewed code in QA (prefilled), the API
 * specialist sees whose reviewed code it is and confirms it, an administrator approves, and the successor's production
 * token is issued before the date. On the date the leaver's token is revoked by offboarding and the successor's stays.
 * A naming by someone who is not the PI is refused; a request start that sets succession variables itself is a normal
 * request. The people of this test are its own (olga, sven, tom, paul, ulla), so the shared context's demo users keep their
 * projects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
class SuccessorIT {

    static final String PASSWORD = "demo";
    static final String REPOSITORY = "https://git.example.org/lab/nightly-sync";
    static final String COMMIT = "4b7c9e2";

    @Autowired ConfigurableApplicationContext context;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired OffboardingEvents offboardings;
    @Autowired Successions successions;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    EngineRest rest;
    SimulatorHttp simulator;

    @BeforeEach
    void peopleOnTheProject() {
        RealServers.serveHttpFrom(context);
        rest = new EngineRest(RealServers.baseUrl(context));
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        IssuedTokens redcap = new IssuedTokens(context);
        for (String username : new String[] {"olga", "sven", "tom", "paul", "ulla"}) {
            person(username);
            for (RedcapEnvironment environment : RedcapEnvironment.values()) {
                long project = environment == RedcapEnvironment.PROD ? 101 : 201;
                redcap.addProjectUser(environment, project, username);
                // The PI enabled API export for them on the User Rights page.
                assertThat(simulator.userRights(environment.name().toLowerCase(), username, project,
                        Map.of("api_export", "1")).statusCode()).isEqualTo(200);
            }
        }
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theNamedSuccessorsTokenIsIssuedBeforeTheLeavingDateAndOnlyTheLeaversEndsOnIt() throws Exception {
        IssuedToken olgas = reviewedProductionToken("olga");
        Instant leaves = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.DAYS);
        offboardings.record("olga", "HR_WEBHOOK", "contract ends", OffboardingEvent.LEFT_PROJECT, 101L, leaves);
        Jobs.runDue(management);

        HttpResponse<String> notThePi = post("/api/tokens/" + olgas.id() + "/successor", "alice", "{\"successor\": \"sven\"}");
        assertThat(notThePi.statusCode()).isEqualTo(403);
        assertThat(notThePi.body()).contains("Only the project's PI");
        HttpResponse<String> herself = post("/api/tokens/" + olgas.id() + "/successor", "pat", "{\"successor\": \"olga\"}");
        assertThat(herself.statusCode()).isEqualTo(400);
        assertThat(herself.body()).contains("another person than olga");
        assertThat(post("/api/tokens/unknown-token/successor", "pat", "{\"successor\": \"sven\"}").statusCode()).isEqualTo(404);
        assertThat(post("/api/tokens/" + olgas.id() + "/successor", "pat", "{\"successor\": \"sven\", \"extra\": 1}")
                .statusCode()).isEqualTo(400);

        HttpResponse<String> named = post("/api/tokens/" + olgas.id() + "/successor", "pat", "{\"successor\": \"sven\"}");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        JsonNode naming = EngineRest.json(named);
        assertThat(naming.get("codeRepositoryUrl").asText()).isEqualTo(REPOSITORY);
        assertThat(naming.get("codeCommit").asText()).isEqualTo(COMMIT);
        assertThat(naming.get("reviewedBy").asText()).isEqualTo("sam");
        assertThat(Instant.parse(naming.get("leavingAt").asText())).isEqualTo(leaves);
        assertThat(post("/api/tokens/" + olgas.id() + "/successor", "pat", "{\"successor\": \"sven\"}").statusCode())
                .as("one open naming per token").isEqualTo(409);
        assertThat(audited(AuditAction.SUCCESSOR_NAMED, "sven succeeds olga on project 101%")).isEqualTo(1);

        // tom was named by nobody: a succession note of his own making is refused at the start (no such field).
        HttpResponse<String> forged = rest.post("/process-definition/key/TokenRequestProcess/submit-form", "tom", PASSWORD,
                EngineRest.startFormBody(101, "Nightly export of new visits for the dashboard, by date.")
                        .replace("\"expectedCallsPerDay\"", "\"successionNote\": {\"value\": \"Successor of olga: confirm "
                                + "this is the same reviewed code\", \"type\": \"String\"}, \"expectedCallsPerDay\""));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("The form has no field 'successionNote'");
        // ...and his plain request is a normal one: the naming is sven's alone.
        String tomsRequest = submit("tom");
        assertThat(successions.ofRequest(tomsRequest)).isEmpty();
        assertThat(formVariables(task(tomsRequest, "Task_DevelopAndTestInQa"), "tom").get("successionNote").get("value")
                .isNull()).isTrue();

        String svensRequest = submit("sven");
        assertThat(successions.ofRequest(svensRequest)).hasValueSatisfying(s -> assertThat(s.predecessor()).isEqualTo("olga"));
        JsonNode prefilled = formVariables(task(svensRequest, "Task_DevelopAndTestInQa"), "sven");
        assertThat(prefilled.get("codeRepositoryUrl").get("value").asText()).isEqualTo(REPOSITORY);
        assertThat(prefilled.get("codeCommit").get("value").asText()).isEqualTo(COMMIT);
        assertThat(prefilled.get("successionNote").get("value").asText()).contains("You take over olga's production token");
        testInQa(svensRequest, "sven", "1111111", 400);
        testInQa(svensRequest, "sven", COMMIT, 204);

        Task review = task(svensRequest, "Task_ReviewCode");
        assertThat(formVariables(review, "sam").get("successionNote").get("value").asText())
                .startsWith("Successor of olga (named by pat; olga leaves on " + leaves.toString().substring(0, 10)
                        + "): confirm this is the same reviewed code: repository " + REPOSITORY + ", commit " + COMMIT
                        + ", reviewed by sam on ");
        complete("sam", review, "{" + CodeReviews.approvedJson() + "}");
        complete("ada", task(svensRequest, "Task_ApproveRelease"), "{\"adminDecision\": {\"value\": \"APPROVED\"}}");

        IssuedToken svens = productionToken("sven");
        assertThat(svens.issuedAt()).isBefore(leaves);
        assertThat(registry.find(olgas.id()).orElseThrow().state()).as("before the date").isEqualTo(TokenState.ACTIVE);
        String svensValue = simulator.tokenOf("prod", "sven", 101);
        assertThat(simulator.versionStatus("prod", svensValue)).isEqualTo(200);

        ClockUtil.setCurrentTime(Date.from(leaves.plus(Duration.ofHours(1))));
        Jobs.runDue(management);

        assertThat(registry.find(olgas.id()).orElseThrow().state()).isIn(TokenState.REVOKED, TokenState.REVOCATION_PENDING);
        assertThat(registry.find(olgas.id()).orElseThrow().revocationReason()).isEqualTo("LEFT_PROJECT");
        assertThat(simulator.tokenOf("prod", "olga", 101)).isNull();
        assertThat(registry.find(svens.id()).orElseThrow().state()).isEqualTo(TokenState.ACTIVE);
        assertThat(simulator.versionStatus("prod", svensValue)).as("the pipeline runs on").isEqualTo(200);
    }

    @Test
    void withoutARecordedDepartureThePisOwnDateIsRecordedAndTheLeaversTokenEndsOnIt() throws Exception {
        IssuedToken pauls = reviewedProductionToken("paul");
        String path = "/api/tokens/" + pauls.id() + "/successor";

        HttpResponse<String> noDate = post(path, "pat", "{\"successor\": \"ulla\"}");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.body()).contains("No leaving date is recorded for paul on project 101");
        HttpResponse<String> past = post(path, "pat", "{\"successor\": \"ulla\", \"leavingOn\": \"2020-01-31\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("leavingOn must be a day after today");
        assertThat(post(path, "pat", "{\"successor\": \"ulla\", \"leavingOn\": \"31.01.2027\"}").statusCode()).isEqualTo(400);
        assertThat(departuresOf("paul")).isZero();

        String day = Instant.now().plus(Duration.ofDays(3)).toString().substring(0, 10);
        HttpResponse<String> named = post(path, "pat", "{\"successor\": \"ulla\", \"leavingOn\": \"" + day + "\"}");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        Instant leaves = Instant.parse(day + "T00:00:00Z");
        assertThat(jdbc.queryForObject("select effective_at from offboarding_event where username = 'paul' and source = "
                + "'PI_REPORT' and event_type = 'person.left_project' and project_id = 101", java.sql.Timestamp.class)
                .toInstant()).isEqualTo(leaves);
        Jobs.runDue(management);
        assertThat(registry.find(pauls.id()).orElseThrow().state()).as("before the date").isEqualTo(TokenState.ACTIVE);

        ClockUtil.setCurrentTime(Date.from(leaves.plus(Duration.ofMinutes(5))));
        Jobs.runDue(management);

        assertThat(registry.find(pauls.id()).orElseThrow().revocationReason()).isEqualTo("LEFT_PROJECT");
        HttpResponse<String> late = post(path, "pat", "{\"successor\": \"sven\"}");
        assertThat(late.statusCode()).as("nothing to hand over after the date").isEqualTo(409);
    }

    /** The holder's request through every gate: QA test of the reviewed code, review by sam, approval by ada. */
    private IssuedToken reviewedProductionToken(String holder) {
        String request = submit(holder);
        testInQa(request, holder, COMMIT, 204);
        complete("sam", task(request, "Task_ReviewCode"), "{" + CodeReviews.approvedJson() + "}");
        complete("ada", task(request, "Task_ApproveRelease"), "{\"adminDecision\": {\"value\": \"APPROVED\"}}");
        return productionToken(holder);
    }

    private int departuresOf(String username) {
        return jdbc.queryForObject("select count(*) from offboarding_event where username = ?", Integer.class, username);
    }

    private String submit(String requester) {
        HttpResponse<String> started = rest.post("/process-definition/key/TokenRequestProcess/submit-form", requester,
                PASSWORD, EngineRest.startFormBody(101, "Nightly export of new visits for the dashboard, by date."));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        Jobs.runDue(management);
        return EngineRest.json(started).get("id").asText();
    }

    private void testInQa(String request, String requester, String commit, int expectedStatus) {
        Task task = task(request, "Task_DevelopAndTestInQa");
        HttpResponse<String> done = rest.post("/task/" + task.getId() + "/submit-form", requester, PASSWORD,
                EngineRest.variables("codeRepositoryUrl", "String", REPOSITORY, "codeCommit", "String", commit,
                        "testSummary", "String", "Ran the nightly sync against QA for a week with a date filter."));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(expectedStatus);
        if (expectedStatus != 204) {
            assertThat(done.body()).contains("This request takes over olga's reviewed code");
        }
        Jobs.runDue(management);
    }

    /** Claims and completes with form values, as Tasklist does. */
    private void complete(String user, Task task, String variablesJson) {
        HttpResponse<String> claimed = rest.post("/task/" + task.getId() + "/claim", user, PASSWORD,
                "{\"userId\": \"" + user + "\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        HttpResponse<String> done = rest.post("/task/" + task.getId() + "/submit-form", user, PASSWORD,
                "{\"variables\": " + variablesJson + "}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        Jobs.runDue(management);
    }

    private JsonNode formVariables(Task task, String user) {
        HttpResponse<String> variables = rest.get("/task/" + task.getId() + "/form-variables", user, PASSWORD);
        assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
        return EngineRest.json(variables);
    }

    private Task task(String processInstanceId, String key) {
        Jobs.enter(management, processInstanceId, key);
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key + " waiting").isNotNull();
        return task;
    }

    private IssuedToken productionToken(String holder) {
        return registry.liveToken(holder, RedcapEnvironment.PROD, 101).orElseThrow(
                () -> new AssertionError(holder + " has no production token"));
    }

    private int audited(AuditAction action, String detailsLike) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and details like ?", Integer.class,
                action.name(), detailsLike);
    }

    private HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void person(String username) {
        if (identity.createUserQuery().userId(username).count() > 0) {
            return;
        }
        User user = identity.newUser(username);
        user.setEmail(username + "@example.org");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(username, ContractGroups.REQUESTERS);
    }
}
