package org.tokengov.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tokengov.redcap.RedcapEnvironment.PROD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.redcap.ProjectAccess;
import org.tokengov.redcap.RedcapRoleMemberException;
import org.tokengov.redcaplog.TokenEventKind;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.InMemoryRedcapTokenEvents;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The manual mode's revocation end to end, on PostgreSQL, MariaDB and the simulator over HTTP: an offboarding leaves
 * the tokens REVOCATION_PENDING with their rights off (a role member's cannot be turned off: no incident, a line that
 * says so), one worklist task for redcap-admins mailed once; REDCap's log ticks off what it attributes, an
 * administrator confirms what it does not (checked against the log), lines left open move to the next wave, and the
 * offboardings complete with the last confirmation. The hostile colleague cannot complete, start or steer it. The log
 * reader is not deployed here: its events come from a stand-in behind the same contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = ControlCenterWorklistIT.ManualProd.class)
@Import(ControlCenterWorklistIT.LogReaderStandIn.class)
class ControlCenterWorklistIT {

    static final String SECRET = "hr-" + UUID.randomUUID();
    static final String TASK = "Task_DeleteTokensInControlCenter";

    static class ManualProd extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.hr.webhook-secret=" + SECRET,
                    "tokengov.redcap.environments.prod.token-administration=manual").applyTo(context);
        }
    }

    /** Primary: once the log reader's own events are deployed beside it, this test still tells the events. */
    @TestConfiguration
    static class LogReaderStandIn {
        @Bean
        @Primary
        InMemoryRedcapTokenEvents redcapTokenEvents() {
            return new InMemoryRedcapTokenEvents();
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired TokenRegistry registry;
    @Autowired JdbcTemplate jdbc;
    @Autowired InMemoryRedcapTokenEvents redcapLog;
    @Autowired TokenLifecycles lifecycles;
    @Autowired ProjectAccess projectAccess;

    SimulatorHttp simulator;
    EngineRest rest;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        rest = new EngineRest(RealServers.baseUrl(context));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void offboardedTokensWaitOnOneWorklistUntilRedcapsLogOrACheckedAdministratorConfirmsTheirDeletion() throws Exception {
        IssuedTokens issued = new IssuedTokens(context);
        IssuedToken alices = issued.issueByHand("alice", PROD, 101);
        IssuedToken bobs = issued.issueByHand("bob", PROD, 101);
        IssuedToken erins = issued.issueByHand("erin", PROD, 101);
        assertThat(simulator.userRights("prod", "erin", 101, Map.of("roleName", "Data managers", "api_export", "1"))
                .statusCode()).isEqualTo(200);
        String alicesValue = simulator.tokenOf("prod", "alice", 101);
        String erinsValue = simulator.tokenOf("prod", "erin", 101);

        List<String> offboardings = List.of(offboard("alice"), offboard("bob"), offboard("erin"));
        Jobs.runDue(management);

        assertThat(runtime.createIncidentQuery().count()).as("a role member is no incident").isZero();
        for (IssuedToken token : List.of(alices, bobs, erins)) {
            IssuedToken now = registry.find(token.id()).orElseThrow();
            assertThat(now.state()).as(token.holder()).isEqualTo(TokenState.REVOCATION_PENDING);
            assertThat(now.revocationReason()).isEqualTo("OFFBOARDING");
        }
        assertThat(simulator.versionStatus("prod", alicesValue)).as("rights off: REDCap refuses it").isEqualTo(403);
        assertThat(simulator.tokenOf("prod", "alice", 101)).as("the value stays until deleted by hand").isNotNull();
        assertThat(simulator.versionStatus("prod", erinsValue)).as("a role member's token still works").isEqualTo(200);
        assertThat(outcomes(offboardings)).containsOnly("AWAITING_REDCAP");

        Task worklist = theOneWorklist();
        assertThat(tasks.getIdentityLinksForTask(worklist.getId()).stream().map(IdentityLink::getUserId)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("ada", "rita");
        String lines = (String) tasks.getVariableLocal(worklist.getId(), "worklistLines");
        assertThat(lines).contains("delete the API token of alice on project 101 (OFFBOARDING)",
                "delete the API token of bob on project 101", "erin is in a REDCap user role", "still works");
        assertThat(jdbc.queryForList("select subject from mail_outbox where task_id = ?", String.class, worklist.getId()))
                .as("mailed once, with the task's link").singleElement().asString()
                .startsWith("REDCap PROD Control Center: ").endsWith(" API token task(s) to do by hand");

        refusedToTheHostileColleague(worklist);

        // An administrator deletes the three tokens in the Control Center. REDCap's database log names whose token it
        // was; the API's log export of a Control Center row names only the administrator.
        for (String holder : List.of("alice", "bob", "erin")) {
            assertThat(simulator.controlCenterToken("prod", "delete", holder, 101, null).statusCode()).isEqualTo(200);
        }
        Instant deleted = ClockUtil.getCurrentTime().toInstant();
        redcapLog.read(PROD, 101, "alice", "ada", TokenEventKind.DELETED, deleted);
        redcapLog.read(PROD, 101, null, "ada", TokenEventKind.DELETED, deleted);
        redcapLog.read(PROD, 101, null, "ada", TokenEventKind.DELETED, deleted);

        afterMinutes(16);
        Instant confirmedByTheLog = ClockUtil.getCurrentTime().toInstant();
        assertThat(registry.find(alices.id()).orElseThrow().state()).as("the log names alice").isEqualTo(TokenState.REVOKED);
        assertThat(registry.find(bobs.id()).orElseThrow().state()).as("a row that names nobody confirms nothing")
                .isEqualTo(TokenState.REVOCATION_PENDING);
        assertThat(outcomes(offboardings.subList(0, 1))).containsOnly("COMPLETED");
        assertThat((String) tasks.getVariableLocal(worklist.getId(), "worklistLines")).doesNotContain("alice")
                .contains("bob", "erin");

        // ada is done for now without confirming anything: what is open moves to the next wave.
        assertThat(complete(worklist, "ada", "{}").statusCode()).isEqualTo(204);
        Jobs.runDue(management);
        Task next = theOneWorklist();
        assertThat(next.getProcessInstanceId()).isNotEqualTo(worklist.getProcessInstanceId());
        assertThat((String) tasks.getVariableLocal(next.getId(), "worklistLines")).contains("bob", "erin");

        // rita confirms both: each against a deletion in the log that no other line claimed.
        String numbers = lineOf(bobs) + ", " + lineOf(erins);
        HttpResponse<String> confirmed = complete(next, "rita",
                "{\"variables\": {\"confirmedByMe\": {\"value\": \"" + numbers + "\", \"type\": \"String\"}}}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        Jobs.runDue(management);

        for (IssuedToken token : List.of(bobs, erins)) {
            assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
            assertThat(jdbc.queryForObject("select actor from audit_event where action = 'TOKEN_REVOCATION_CONFIRMED'"
                    + " and token_id = ?", String.class, token.id())).isEqualTo("rita");
        }
        assertThat(outcomes(offboardings)).containsOnly("COMPLETED");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ControlCenterWorklistProcess").count())
                .as("every line done: no worklist left").isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();

        // The auditor's evidence of each token tells this history: asked of the Control Center, revoked, then
        // confirmed by REDCap's log (alice) or by rita against it (bob), in that order and at those times.
        JsonNode alicesEvidence = evidence(alices);
        assertThat(alicesEvidence.get("token").get("state").asText()).isEqualTo("REVOKED");
        List<JsonNode> alicesRevocation = revocationItems(alicesEvidence);
        assertThat(alicesRevocation).extracting(item -> item.get("kind").asText())
                .containsExactly("CONTROL_CENTER_WORK_ASKED", "TOKEN_REVOKED", "TOKEN_REVOCATION_CONFIRMED");
        assertThat(alicesRevocation.get(1).get("details").asText()).contains("OFFBOARDING");
        JsonNode byTheLog = alicesRevocation.get(2);
        assertThat(Instant.parse(byTheLog.get("at").asText())).isEqualTo(confirmedByTheLog)
                .isAfter(Instant.parse(alicesRevocation.get(1).get("at").asText()));
        assertThat(byTheLog.get("actor").asText()).isEqualTo("system");
        assertThat(byTheLog.get("details").asText()).contains("deleted in REDCap (OFFBOARDING)", "REDCap's log names the deletion");

        List<JsonNode> bobsRevocation = revocationItems(evidence(bobs));
        assertThat(bobsRevocation).extracting(item -> item.get("kind").asText())
                .containsExactly("CONTROL_CENTER_WORK_ASKED", "TOKEN_REVOKED", "TOKEN_REVOCATION_CONFIRMED");
        JsonNode byRita = bobsRevocation.get(2);
        assertThat(byRita.get("actor").asText()).isEqualTo("rita");
        assertThat(byRita.get("details").asText()).contains("confirmed by rita; REDCap's log shows a deletion on the project at");
        assertThat(Instant.parse(byRita.get("at").asText())).as("the engine's clock stood still since")
                .isEqualTo(confirmedByTheLog).isAfter(Instant.parse(bobsRevocation.get(1).get("at").asText()));
    }

    /** GET /api/tokens/{id}/evidence as ada, an administrator. */
    private JsonNode evidence(IssuedToken token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RealServers.baseUrl(context) + "/api/tokens/" + token.id() + "/evidence"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ada:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EngineRest.json(response);
    }

    /** The audit items of the evidence about the token's revocation, in the evidence's (time) order. */
    private static List<JsonNode> revocationItems(JsonNode evidence) {
        List<String> kinds = List.of("CONTROL_CENTER_WORK_ASKED", "TOKEN_REVOKED", "TOKEN_REVOCATION_CONFIRMED");
        return StreamSupport.stream(evidence.get("evidence").spliterator(), false)
                .filter(item -> item.get("source").asText().equals("AUDIT") && kinds.contains(item.get("kind").asText()))
                .toList();
    }

    @Test
    void aRoleMembersHoldIsALineOfTheWorklistNotAnIncidentAndIsDoneOnceREDCapShowsItOutOfUse() {
        IssuedToken sams = new IssuedTokens(context).issueByHand("sam", PROD, 101);
        assertThat(simulator.userRights("prod", "sam", 101, Map.of("roleName", "Exporters", "api_export", "1"))
                .statusCode()).isEqualTo(200);

        lifecycles.suspend(sams.id(), "Full exports every 5 s", "ada");
        Jobs.runDue(management);

        assertThat(runtime.createIncidentQuery().count()).as("a role member's hold is no incident").isZero();
        assertThat(registry.find(sams.id()).orElseThrow().state()).isEqualTo(TokenState.SUSPENDED);
        Task worklist = theOneWorklist();
        assertThat((String) tasks.getVariableLocal(worklist.getId(), "worklistLines"))
                .contains("take the API token of sam on project 101 out of use (hold)", "sam is in a REDCap user role");
        String tick = "{\"variables\": {\"confirmedByMe\": {\"value\": \"" + lineOf(sams) + "\", \"type\": \"String\"}}}";
        assertThat(complete(worklist, "rita", tick).body()).as("REDCap shows it in use still").contains("nor without API rights");

        assertThat(simulator.controlCenterToken("prod", "delete", "sam", 101, null).statusCode()).isEqualTo(200);
        redcapLog.read(PROD, 101, null, "ada", TokenEventKind.DELETED, ClockUtil.getCurrentTime().toInstant());
        assertThat(complete(worklist, "rita", tick).statusCode()).isEqualTo(204);
        Jobs.runDue(management);

        assertThat(jdbc.queryForObject("select done_by from control_center_line where token_id = ?", String.class, sams.id()))
                .isEqualTo("rita");
        assertThat(registry.find(sams.id()).orElseThrow().state()).as("still held: a hold is no revocation")
                .isEqualTo(TokenState.SUSPENDED);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ControlCenterWorklistProcess").count()).isZero();
    }

    /** Issue 13, item 2 in the manual mode: REDCap's API user import ends a person's project access, but not a role member's. */
    @Test
    void theApiEndsAProjectUsersAccessButNotARoleMembers() {
        IssuedTokens issued = new IssuedTokens(context);
        issued.addProjectUser(PROD, 101, "dana");
        issued.addProjectUser(PROD, 101, "erin");
        assertThat(simulator.userRights("prod", "erin", 101, Map.of("roleName", "Monitors", "api_export", "1"))
                .statusCode()).isEqualTo(200);
        LocalDate lastDay = LocalDate.of(2026, 12, 31);

        assertThat(projectAccess.end(PROD, 101, "dana", lastDay, "system")).isEqualTo(ProjectAccess.Outcome.ENDED);
        assertThat(projectAccess.end(PROD, 101, "dana", lastDay, "system")).as("once")
                .isEqualTo(ProjectAccess.Outcome.NOTHING_TO_END);
        assertThat(projectAccess.end(PROD, 101, "nobody", lastDay, "system")).isEqualTo(ProjectAccess.Outcome.NOTHING_TO_END);
        assertThatThrownBy(() -> projectAccess.end(PROD, 101, "erin", lastDay, "system"))
                .isInstanceOf(RedcapRoleMemberException.class);

        JdbcTemplate redcap = issued.redcap(PROD);
        assertThat(redcap.queryForObject("SELECT expiration FROM redcap_user_rights WHERE project_id = 101"
                + " AND username = 'dana'", LocalDate.class)).isEqualTo(lastDay);
        assertThat(redcap.queryForObject("SELECT expiration FROM redcap_user_rights WHERE project_id = 101"
                + " AND username = 'erin'", LocalDate.class)).as("REDCap rolled the import back").isNull();
    }

    /**
     * Not an administrator, not through a variable, not by starting a worklist of one's own: bob (a requester) and
     * rita (a REDCap administrator, not Camunda's; ada is Camunda's administrator, whom the engine lets do anything).
     */
    private void refusedToTheHostileColleague(Task worklist) {
        assertThat(complete(worklist, "bob", "{}").statusCode()).as("bob is no REDCap administrator").isEqualTo(403);
        assertThat(complete(worklist, "sam", "{}").statusCode()).isEqualTo(403);
        assertThat(rest.call("PUT", "/process-instance/" + worklist.getProcessInstanceId() + "/variables/openLines", "rita",
                "demo", "{\"value\": 0, \"type\": \"Long\"}").statusCode()).as("no variable ends the worklist")
                .isEqualTo(403);
        assertThat(complete(worklist, "rita", "{\"variables\": {\"openLines\": {\"value\": 0, \"type\": \"Long\"}}}")
                .statusCode()).as("nothing but the form's field").isEqualTo(400);
        HttpResponse<String> unchecked = complete(worklist, "rita",
                "{\"variables\": {\"confirmedByMe\": {\"value\": \"" + lineOf(registry.ofHolder("bob").get(0)) + "\"}}}");
        assertThat(unchecked.statusCode()).as("nothing deleted in REDCap yet: " + unchecked.body()).isNotEqualTo(204);
        assertThat(unchecked.body()).contains("shows no token deleted");
        for (String user : List.of("bob", "rita")) {
            assertThat(rest.post("/process-definition/key/ControlCenterWorklistProcess/start", user, "demo", "{}")
                    .statusCode()).as(user + " starts no worklist by hand").isEqualTo(403);
        }
        assertThat(theOneWorklist().getId()).isEqualTo(worklist.getId());
        assertThat(registry.ofHolder("bob").get(0).state()).isEqualTo(TokenState.REVOCATION_PENDING);
    }

    private String offboard(String username) throws Exception {
        HttpResponse<String> answer = new HrWebhookClient(RealServers.baseUrl(context), SECRET)
                .deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, username, null, Instant.now()));
        assertThat(answer.statusCode()).isEqualTo(202);
        return new ObjectMapper().readTree(answer.body()).get("offboardingId").asText();
    }

    private Task theOneWorklist() {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey("ControlCenterWorklistProcess").taskDefinitionKey(TASK)
                .list();
        assertThat(open).as("one worklist for the wave, not one task per token").hasSize(1);
        return open.get(0);
    }

    private HttpResponse<String> complete(Task task, String user, String body) {
        return rest.post("/task/" + task.getId() + "/complete", user, "demo", body);
    }

    private long lineOf(IssuedToken token) {
        return jdbc.queryForObject("select id from control_center_line where token_id = ?", Long.class, token.id());
    }

    private List<String> outcomes(List<String> offboardings) {
        return offboardings.stream().map(id -> jdbc.queryForObject("select outcome from offboarding_event where id = ?",
                String.class, id)).toList();
    }

    private void afterMinutes(int minutes) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
        Jobs.runDue(management);
    }
}
