package org.tokengov.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.testsupport.EngineRest.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The access review on the real servers: alice and bob hold QA tokens on project 201; the review asks REDCap who
 * has User Rights there (pat) and gives pat the task listing both. Over Camunda's REST API, bob (a holder, not a PI)
 * cannot answer, pat's answer naming someone not listed is refused, and pat's revocation of bob makes REDCap refuse
 * bob's token while alice's keeps working; both decisions are on the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = AccessReviewIT.OwnServers.class)
public class AccessReviewIT {

    /**
     * A context of its own: the review covers every project with a live token, so other classes' tokens stay out
     * (RedcapAccountSuspensionIT shares it: its tokens end revoked). REDCap accounts are suspended on a termination.
     */
    public static class OwnServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.offboarding.suspend-redcap-account=true").applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired FormService forms;
    @Autowired TokenRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired RedcapLogReader logReader;

    SimulatorHttp simulator;
    PipelineDriver pipeline;
    EngineRest rest;

    @BeforeEach
    void clients() {
        RealServers.serveHttpFrom(context);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        pipeline = new PipelineDriver(runtime, tasks, identity, management);
        rest = new EngineRest(RealServers.baseUrl(context));
    }

    @Test
    void thePiRevokesAHolderWhoLeftTheProjectAndKeepsTheOther() throws Exception {
        IssuedToken alices = issueQaTokenTo("alice");
        IssuedToken bobs = issueQaTokenTo("bob");
        registry.markRevoked(issueQaTokenTo("rita").id(), "NO_LONGER_NEEDED");
        String aliceValue = simulator.tokenOf("qa", "alice", 201);
        String bobValue = simulator.tokenOf("qa", "bob", 201);
        assertThat(simulator.versionStatus("qa", bobValue)).isEqualTo(200);

        ProcessInstance review = startReview();
        Task task = tasks.createTaskQuery().processInstanceId(review.getId()).singleResult();
        assertThat(task.getName()).isEqualTo("Review API access to REDCap project 201 (QA)");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getUserId).contains("pat");
        assertDeployedForm(task);

        HttpResponse<String> patsTasks = rest.get("/task?taskDefinitionKey=Task_ReviewProjectAccess", "pat", "demo");
        assertThat(json(patsTasks)).extracting(found -> found.get("id").asText()).as("pat sees the review")
                .containsExactly(task.getId());
        String listing = json(rest.get("/task/" + task.getId() + "/form-variables", "pat", "demo"))
                .path(AccessReviewVariables.TOKEN_HOLDERS_TEXT).path("value").asText();
        assertThat(listing).contains("alice: token issued ", "bob: token issued ", "never used")
                .as("a revoked token is no access to review").doesNotContain("rita");
        String recentUse = json(rest.get("/task/" + task.getId() + "/form-variables", "pat", "demo"))
                .path(AccessReviewVariables.RECENT_API_USE_TEXT).path("value").asText();
        assertThat(recentUse).as("each holder's last 90 days, from the usage counts and findings")
                .contains("alice: ", "bob: ", "Fair-use findings: No fair-use finding in the last 90 days.")
                .doesNotContain("rita");

        assertThat(complete(task, "bob", "", true).statusCode()).as("a holder who is no PI").isEqualTo(403);
        HttpResponse<String> unlisted = complete(task, "pat", "bob, carol", true);
        assertThat(unlisted.statusCode()).isEqualTo(400);
        assertThat(json(unlisted).path("message").asText()).contains("Not listed as holding a live token on this project: carol");
        assertThat(complete(task, "pat", "bob", true).statusCode()).isEqualTo(204);
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("qa", bobValue)).as("REDCap refuses the revoked token").isEqualTo(403);
        assertThat(simulator.versionStatus("qa", aliceValue)).isEqualTo(200);
        IssuedToken revoked = registry.find(bobs.id()).orElseThrow();
        assertThat(revoked.state()).isEqualTo(TokenState.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("LEFT_PROJECT");
        assertThat(registry.find(alices.id()).orElseThrow().state()).isEqualTo(TokenState.QA_ACTIVE);
        assertThat(jdbc.sql("select actor || ' ' || coalesce(token_id, '-') || ' ' || details from audit_event "
                        + "where action = 'ACCESS_REVIEW_DECIDED' order by id").query(String.class).list())
                .containsExactly("pat " + alices.id() + " QA:201: keep alice",
                        "pat " + bobs.id() + " QA:201: revoke bob (LEFT_PROJECT)");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCESS_REVIEW_REQUESTED' and details like 'QA:201:%'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count()).isZero();
    }

    /**
     * Issue 13, items 2 and 3 on PROD project 101: eve left the project, erin's work only exports. pat revokes eve
     * and ends her REDCap access (a person.left_project offboarding from the review: expiration set, user row kept), and
     * reduces erin to export only in REDCap: her import is then refused with REDCap's error, her export still works.
     * Over REST, a holder cannot answer, and pat cannot add rights, end a kept holder's access or send a field the
     * form does not have.
     */
    @Test
    void thePiEndsALeaversProjectAccessAndReducesAHoldersRightsToWhatTheirWorkUses() throws Exception {
        IssuedTokens issue = new IssuedTokens(context);
        JdbcTemplate redcap = issue.redcap(RedcapEnvironment.PROD);
        IssuedToken eves = issue.issue("eve", RedcapEnvironment.PROD, 101);
        IssuedToken erins = issue.issue("erin", RedcapEnvironment.PROD, 101);
        redcap.update("UPDATE redcap_user_rights SET api_import = 1, mobile_app = 1 WHERE project_id = 101 AND username = 'erin'");
        String erinValue = simulator.tokenOf("prod", "erin", 101);
        assertThat(api(erinValue, "content=record&format=json").statusCode()).as("erin exports").isEqualTo(200);
        logReader.catchUp(RedcapEnvironment.PROD, 101);

        ProcessInstance review = startReview();
        Task task = tasks.createTaskQuery().processInstanceId(review.getId())
                .taskName("Review API access to REDCap project 101 (PROD)").singleResult();
        String rights = json(rest.get("/task/" + task.getId() + "/form-variables", "pat", "demo"))
                .path(AccessReviewVariables.API_RIGHTS_TEXT).path("value").asText();
        assertThat(rights).contains("erin: export enabled, last used " + LocalDate.now(ZoneOffset.UTC)
                        + "; import enabled, no use seen in REDCap's log; mobile app enabled",
                "eve: export enabled, no use seen in REDCap's log; import off; mobile app off");

        assertThat(complete(task, "erin", Map.of("rightsToReduce", "erin: export")).statusCode()).as("a holder")
                .isEqualTo(403);
        HttpResponse<String> more = complete(task, "pat", Map.of("rightsToReduce", "eve: export, import"));
        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(json(more).path("message").asText()).contains("eve does not have import enabled in REDCap");
        HttpResponse<String> kept = complete(task, "pat", Map.of("usernamesToEndProjectAccess", "erin"));
        assertThat(kept.statusCode()).isEqualTo(400);
        assertThat(json(kept).path("message").asText()).contains("only people whose token you revoke above: erin");
        assertThat(complete(task, "pat", Map.of("reviewedBy", "ada")).statusCode()).as("a field the form lacks")
                .isEqualTo(400);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("nothing half written").isEqualTo(1);

        assertThat(complete(task, "pat", Map.of("usernamesToRevoke", "eve", "usernamesToEndProjectAccess", "Eve",
                "rightsToReduce", "erin: export")).statusCode()).isEqualTo(204);
        Jobs.runDue(management);

        assertThat(registry.find(eves.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        LocalDate today = LocalDate.now(context.getBean(RedcapProperties.class).server(RedcapEnvironment.PROD).timeZone());
        assertThat(redcap.queryForObject("SELECT expiration FROM redcap_user_rights WHERE project_id = 101"
                + " AND username = 'eve'", LocalDate.class)).as("REDCap's own day; the user row stays").isEqualTo(today);
        assertThat(redcap.queryForObject("SELECT user_suspended_time IS NULL FROM redcap_user_information"
                + " WHERE username = 'eve'", Boolean.class)).as("leaving a project suspends no account").isTrue();
        assertThat(jdbc.sql("select count(*) from offboarding_event where username = 'eve' and source = 'ACCESS_REVIEW'"
                + " and event_type = 'person.left_project' and project_id = 101").query(Long.class).single()).isEqualTo(1);
        assertThat(redcap.queryForMap("SELECT api_export, api_import, mobile_app FROM redcap_user_rights"
                + " WHERE project_id = 101 AND username = 'erin'")).containsEntry("api_export", 1)
                .containsEntry("api_import", 0).containsEntry("mobile_app", 0);
        HttpResponse<String> refused = api(erinValue, "content=record&format=json&data="
                + URLEncoder.encode("[{\"record_id\":\"9\"}]", StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You do not have API Import/Update privileges");
        assertThat(api(erinValue, "content=record&format=json").statusCode()).as("export still works").isEqualTo(200);
        assertThat(jdbc.sql("select actor || ' ' || details from audit_event where action = 'API_RIGHTS_REDUCED'")
                .query(String.class).list()).containsExactly("pat PROD:101: erin: API rights reduced in REDCap to export");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PROJECT_ACCESS_ENDED' and details like"
                + " 'eve left project 101%'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where subject = ?")
                .param("REDCap PROD project 101: API rights reduced in the access review").query(Long.class).single())
                .isPositive();
        // Out of the next review's way: the review covers every project with a live token.
        registry.markRevoked(erins.id(), "NO_LONGER_NEEDED");
    }

    /** erin's token on REDCap's API, as her script would call it. */
    private HttpResponse<String> api(String token, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context)
                        + "/redcap-sim/prod/api/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&" + form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Completes the task over REST with the given string fields, the review confirmed. */
    private HttpResponse<String> complete(Task task, String user, Map<String, String> fields) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var variables = mapper.createObjectNode();
        variables.putObject("accessReviewed").put("value", true).put("type", "Boolean");
        fields.forEach((name, value) -> variables.putObject(name).put("value", value).put("type", "String"));
        return rest.post("/task/" + task.getId() + "/complete", user, "demo",
                mapper.createObjectNode().set("variables", variables).toString());
    }

    /** What the passing of time would do on the first day of the quarter: the timer fires, the PI lookups run. */
    private ProcessInstance startReview() {
        Job start = management.createJobQuery().timers().activityId("StartEvent_AccessReviewDue").singleResult();
        assertThat(start).as("the quarterly review timer is deployed").isNotNull();
        management.executeJob(start.getId());
        ProcessInstance review = runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewVariables.PROCESS)
                .singleResult();
        management.createJobQuery().processInstanceId(review.getId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        return review;
    }

    private void assertDeployedForm(Task task) throws Exception {
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            var schema = new ObjectMapper().readTree(form);
            assertThat(schema.get("id").asText()).isEqualTo("access-review");
            assertThat(schema.get("components").toString()).contains("tokenHoldersText", "usernamesToRevoke", "accessReviewed");
        }
    }

    /** Completes the task over REST as Tasklist's form would submit it. */
    private HttpResponse<String> complete(Task task, String user, String usernamesToRevoke, boolean reviewed) {
        return rest.post("/task/" + task.getId() + "/complete", user, "demo", """
                {"variables": {
                  "usernamesToRevoke": {"value": "%s", "type": "String"},
                  "accessReviewed": {"value": %s, "type": "Boolean"}
                }}""".formatted(usernamesToRevoke, reviewed));
    }

    private IssuedToken issueQaTokenTo(String requester) {
        List<IssuedToken> issued = registry.ofRequest(pipeline.requestUntilQaToken(requester).getId());
        assertThat(issued).hasSize(1);
        return issued.get(0);
    }
}
