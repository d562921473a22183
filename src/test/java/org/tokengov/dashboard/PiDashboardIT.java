package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.dashboard.DashboardIT.row;
import static org.tokengov.dashboard.DashboardIT.section;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewTokenRequest;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The dashboard's PI view and its readability over real HTTP, in the dashboard tests' context: a PI (pat: full User
 * Rights on PROD 101 and QA 201 in the simulator's demo data) sees every holder's token on her projects with the
 * "Left the project" link; people without full, active User Rights do not; request numbers, task links only for those
 * who may open the task, requests ended with their reason, and a call through the simulator as last use after one
 * cycle of the log reader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = DashboardIT.OwnServers.class)
class PiDashboardIT {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired TokenRequests requests;

    String app;
    IssuedTokens issue;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        issue = new IssuedTokens(context);
    }

    @Test
    void aPiSeesEveryHoldersTokenOnHerProjectsWithTheLeftProjectLinkAndOthersDoNot() {
        IssuedToken alices = issue.issue("alice", RedcapEnvironment.PROD, 101);
        IssuedToken bobsQa = issue.issue("bob", RedcapEnvironment.QA, 201);
        IssuedToken elsewhere = issue.issue("bob", RedcapEnvironment.PROD, 7301);

        String pats = WebappSession.loggedIn(app, "pat").get("/dashboard").body();
        assertThat(pats).contains("Tokens on your projects");
        assertThat(pats).containsPattern("id=\"pi-projects\">[^<]*PROD 101").containsPattern("id=\"pi-projects\">[^<]*QA 201");
        String table = section(pats, "id=\"pi-tokens\"");
        assertThat(table).contains(alices.id()).contains(bobsQa.id()).as("not pat's project").doesNotContain(elsewhere.id());
        String alicesRow = row(table, "data-token=\"" + alices.id() + "\"");
        assertThat(alicesRow).contains(">alice</th>").contains("<td>PROD</td>").contains("<td>101</td>")
                .contains("<td>export</td>").contains(">Active</span>").contains("data-state=\"ACTIVE\"")
                .contains("<td>never</td>").contains("<td class=\"num\">0</td>")
                .contains("href=\"/dashboard/tokens/" + alices.id() + "/left-project\"").contains(">Left the project</a>");
        assertThat(row(table, "data-token=\"" + bobsQa.id() + "\"")).contains(">bob</th>").contains(">Active in QA</span>")
                .contains("href=\"/dashboard/tokens/" + bobsQa.id() + "/left-project\"");

        // Holders without User Rights on the project see their own tokens only, and no PI section.
        String bobs = WebappSession.loggedIn(app, "bob").get("/dashboard").body();
        assertThat(bobs).doesNotContain("Tokens on your projects").doesNotContain("id=\"pi-tokens\"").doesNotContain(alices.id());
        assertThat(WebappSession.loggedIn(app, "alice").get("/dashboard").body()).doesNotContain("Tokens on your projects")
                .doesNotContain(bobsQa.id());
    }

    @Test
    void noParameterWidensThePiViewAndABadPageIsRefused() {
        IssuedToken alices = issue.issue("alice", RedcapEnvironment.PROD, 101);
        WebappSession bob = WebappSession.loggedIn(app, "bob");

        assertThat(bob.get("/dashboard?piPage=0&project=101&environment=PROD").body()).as("not bob's project to manage")
                .doesNotContain("Tokens on your projects").doesNotContain(alices.id());
        HttpResponse<String> asPat = bob.get("/dashboard?holder=pat");
        assertThat(asPat.statusCode()).isEqualTo(400);
        assertThat(asPat.body()).doesNotContain(alices.id());
        HttpResponse<String> badPage = WebappSession.loggedIn(app, "pat").get("/dashboard?piPage=last");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("must be a whole number").doesNotContain(alices.id());
    }

    @Test
    void onlyFullActiveUserRightsCountNotReadOnlyNotExpiredNotSuspended() {
        IssuedToken alices = issue.issue("alice", RedcapEnvironment.PROD, 101);
        issue.addProjectUser(RedcapEnvironment.PROD, 101, "sam");
        JdbcTemplate redcap = issue.redcap(RedcapEnvironment.PROD);
        try {
            redcap.update("UPDATE redcap_user_rights SET user_rights = 2 WHERE project_id = 101 AND username = 'sam'");
            assertThat(samsDashboard()).as("read-only User Rights").doesNotContain("Tokens on your projects").doesNotContain(alices.id());

            redcap.update("UPDATE redcap_user_rights SET user_rights = 1 WHERE project_id = 101 AND username = 'sam'");
            assertThat(section(samsDashboard(), "id=\"pi-tokens\"")).as("full User Rights").contains(alices.id());

            redcap.update("UPDATE redcap_user_rights SET expiration = ? WHERE project_id = 101 AND username = 'sam'",
                    LocalDate.now(ZoneOffset.UTC));
            assertThat(samsDashboard()).as("access expiring today: REDCap refuses it").doesNotContain(alices.id());

            redcap.update("UPDATE redcap_user_rights SET expiration = NULL WHERE project_id = 101 AND username = 'sam'");
            redcap.update("UPDATE redcap_user_information SET user_suspended_time = ? WHERE username = 'sam'",
                    LocalDateTime.now(ZoneOffset.UTC));
            assertThat(samsDashboard()).as("suspended in REDCap").doesNotContain(alices.id());

            redcap.update("UPDATE redcap_user_information SET user_suspended_time = NULL WHERE username = 'sam'");
            redcap.update("UPDATE redcap_user_rights SET user_rights = 0 WHERE project_id = 101 AND username = 'sam'");
            redcap.update("INSERT INTO redcap_user_roles (project_id, role_name, unique_role_name, user_rights) VALUES (101, 'Managers', ?, 1)",
                    "U-" + UUID.randomUUID().toString().substring(0, 10));
            Long role = redcap.queryForObject("SELECT MAX(role_id) FROM redcap_user_roles WHERE project_id = 101", Long.class);
            redcap.update("UPDATE redcap_user_rights SET role_id = ? WHERE project_id = 101 AND username = 'sam'", role);
            assertThat(section(samsDashboard(), "id=\"pi-tokens\"")).as("a role's User Rights win over the user row").contains(alices.id());
            redcap.update("UPDATE redcap_user_roles SET user_rights = 2 WHERE role_id = ?", role);
            assertThat(samsDashboard()).as("a read-only role").doesNotContain(alices.id());
        } finally {
            redcap.update("UPDATE redcap_user_rights SET user_rights = 0, expiration = NULL, role_id = NULL WHERE project_id = 101 AND username = 'sam'");
            redcap.update("UPDATE redcap_user_information SET user_suspended_time = NULL WHERE username = 'sam'");
        }
    }

    @Test
    void requestsEndedWithoutATokenAreListedWithTheReasonTheRequesterWasSent() {
        TokenRequestRecord refused = endedInTheRegistry("alice", RequestStatus.REFUSED,
                "Service accounts get no API token: ask for one in your own name.");
        TokenRequestRecord bobsRejected = endedInTheRegistry("bob", RequestStatus.REJECTED, "Code review: the token sits in the script.");

        String alices = WebappSession.loggedIn(app, "alice").get("/dashboard").body();
        String alicesRow = row(section(alices, "id=\"ended-requests\""), "data-request=\"" + refused.id() + "\"");
        assertThat(alicesRow).contains(refused.number()).contains("<td>Refused</td>")
                .contains("Service accounts get no API token: ask for one in your own name.");
        assertThat(alices).contains("data-state=\"REFUSED\"").doesNotContain(bobsRejected.number());

        String adas = WebappSession.loggedIn(app, "ada").get("/dashboard").body();
        assertThat(row(section(adas, "id=\"ended-requests\""), "data-request=\"" + bobsRejected.id() + "\""))
                .contains(bobsRejected.number()).contains("<td>Rejected</td>").contains("the token sits in the script");
    }

    @Test
    void openRequestsShowTheirNumberAndLinkTheirTaskForThoseWhoMayOpenIt() {
        // Other tests gave alice production tokens on 101; one live there would make her request ineligible.
        context.getBean(JdbcTemplate.class).update("update api_token set state = 'REVOKED' where holder = 'alice'"
                + " and environment = 'PROD' and project_id = 101 and state in ('ACTIVE', 'SUSPENDED')");
        HttpResponse<String> started = new EngineRest(app).post("/process-definition/key/TokenRequestProcess/submit-form",
                "alice", "demo", EngineRest.startFormBody(101, "Nightly export of new visits, filtered by date."));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String requestId = EngineRest.json(started).get("id").asText();
        Jobs.runDue(management);
        String number = requests.find(requestId).orElseThrow().number();
        String alicesRow = row(WebappSession.loggedIn(app, "alice").get("/dashboard").body(), "data-request=\"" + requestId + "\"");
        assertThat(alicesRow).contains("<td class=\"id\">" + number + "</td>").as("the number, not the id")
                .doesNotContain(">" + requestId + "<").contains("Develop and test in QA").contains(">Open task</a>");
        Matcher linked = Pattern.compile("href=\"/camunda/app/tasklist/default/#/\\?task=([^\"]+)\"").matcher(alicesRow);
        assertThat(linked.find()).as(alicesRow).isTrue();
        Task task = tasks.createTaskQuery().taskId(linked.group(1)).singleResult();
        assertThat(task.getAssignee()).as("the request's open task, alice's").isEqualTo("alice");
        assertThat(instanceTree(requestId)).contains(task.getProcessInstanceId());
        String link = "href=\"/camunda/app/tasklist/default/#/?task=" + task.getId() + "\"";

        // rita administers REDCap (she sees every request) but the task is alice's: Tasklist would not show it to her.
        assertThat(row(WebappSession.loggedIn(app, "rita").get("/dashboard").body(), "data-request=\"" + requestId + "\""))
                .contains(number).doesNotContain("?task=");
        // ada is also a Camunda administrator: Tasklist opens any task for her.
        assertThat(row(WebappSession.loggedIn(app, "ada").get("/dashboard").body(), "data-request=\"" + requestId + "\""))
                .contains(link);
        runtime.deleteProcessInstance(requestId, "test over");
    }

    @Test
    void aCallThroughTheSimulatorIsTheTokensLastUseAfterOneCycleOfTheLogReader() {
        IssuedToken ritas = issue.issue("rita", RedcapEnvironment.PROD, 101);
        String value = new SimulatorHttp(app).tokenOf("prod", "rita", 101);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        assertThat(new SimulatorHttp(app).exportRecords("prod", value).statusCode()).isEqualTo(200);
        Instant after = Instant.now();

        // One cycle of the fair-use monitor, started as its timer starts it: its first step catches up with REDCap's log.
        runtime.startProcessInstanceByKey("FairUseMonitorProcess");
        Jobs.runDue(management);

        String row = row(section(WebappSession.loggedIn(app, "rita").get("/dashboard").body(), "id=\"tokens\""),
                "data-token=\"" + ritas.id() + "\"");
        Matcher lastUsed = Pattern.compile("<td>(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC)</td><td></td>").matcher(row);
        assertThat(lastUsed.find()).as(row).isTrue();
        Instant shown = LocalDateTime.parse(lastUsed.group(1), MINUTE).toInstant(ZoneOffset.UTC);
        assertThat(shown).as("to the minute of the call").isBetween(before, after);
    }

    /** The request's instance and the instances it called (its steps may wait in one of those). */
    private List<String> instanceTree(String requestId) {
        List<String> tree = new ArrayList<>(List.of(requestId));
        for (int i = 0; i < tree.size(); i++) {
            runtime.createProcessInstanceQuery().superProcessInstanceId(tree.get(i)).list().forEach(called -> tree.add(called.getId()));
        }
        return tree;
    }

    private String samsDashboard() {
        return WebappSession.loggedIn(app, "sam").get("/dashboard").body();
    }

    private TokenRequestRecord endedInTheRegistry(String requester, RequestStatus status, String reason) {
        String id = "ended-" + UUID.randomUUID();
        requests.register(new NewTokenRequest(id, requester, 101, 201, true, false, false, "SCHEDULED_EXPORT",
                "Nightly export of new visits.", "Nightly", 10, true));
        return requests.changeStatus(id, status, reason);
    }
}
