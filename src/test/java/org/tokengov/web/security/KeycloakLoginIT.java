package org.tokengov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.testsupport.EngineRest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.KeycloakTestServer;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.RealServersWithKeycloak;

/**
 * The {@code keycloak} profile against a real Keycloak (the demo realm): people log in to the Camunda webapps through
 * Keycloak's login page, the webapps see them with their Keycloak groups, logout ends the Keycloak session too,
 * {@code /engine-rest} takes Keycloak passwords, and task visibility follows Keycloak's groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"embedded", "keycloak"})
@ContextConfiguration(initializers = RealServersWithKeycloak.class)
@ExtendWith(OutputCaptureExtension.class)
class KeycloakLoginIT {

    private static final String KEYCLOAK_LOGIN_FORM = "id=\"kc-form-login\"";

    @Autowired ConfigurableApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;

    String app;
    EngineRest rest;

    @BeforeEach
    void urls() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        rest = new EngineRest(app);
    }

    @Test
    void tasklistSendsPeopleToKeycloakAndSeesThemWithTheirKeycloakGroups(CapturedOutput output) {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.open(app + "/camunda/app/tasklist/");
        assertThat(loginPage.uri().toString()).startsWith(RealServersWithKeycloak.KEYCLOAK_LINK.url() + "/realms/tokengov/");
        assertThat(loginPage.body()).contains(KEYCLOAK_LOGIN_FORM);

        HttpResponse<String> tasklist = browser.submit(loginPage, KEYCLOAK_LOGIN_FORM, Map.of("username", "alice", "password", "demo"));
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.uri().toString()).isEqualTo(app + "/camunda/app/tasklist/default/");

        JsonNode user = json(webappApi(browser, "/api/admin/auth/user/default"));
        assertThat(user.get("userId").asText()).isEqualTo("alice");
        assertThat(texts(user.get("authorizedApps"))).contains("tasklist").doesNotContain("cockpit", "admin");
        // Filters are granted to groups: alice sees the requesters' filters only, so Camunda knows her Keycloak groups.
        assertThat(names(webappApi(browser, "/api/engine/engine/default/filter?resourceType=Task")))
                .containsExactlyInAnyOrder("My tasks", "My requests");
        assertThat(webappApi(browser, "/api/engine/engine/default/task").statusCode()).isEqualTo(200);

        assertThat(output.getAll()).doesNotContain("generated security password")
                .doesNotContain(KeycloakTestServer.clientSecret());
    }

    @Test
    void groupsDecideWhatEachLoggedInPersonSees() {
        Browser sam = loggedIn("sam");
        assertThat(names(webappApi(sam, "/api/engine/engine/default/filter?resourceType=Task")))
                .containsExactlyInAnyOrder("My tasks", "Code reviews");

        Browser ada = loggedIn("ada");
        assertThat(texts(json(webappApi(ada, "/api/admin/auth/user/default")).get("authorizedApps")))
                .contains("cockpit", "admin", "tasklist");
    }

    @Test
    void wrongPasswordStaysOnKeycloaksLoginPageWithoutASession() {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.open(app + "/camunda/app/tasklist/");
        HttpResponse<String> refused = browser.submit(loginPage, KEYCLOAK_LOGIN_FORM, Map.of("username", "bob", "password", "wrong"));

        assertThat(refused.uri().toString()).startsWith(RealServersWithKeycloak.KEYCLOAK_LINK.url());
        assertThat(refused.body()).contains(KEYCLOAK_LOGIN_FORM).contains("Invalid username or password");
        assertThat(webappApi(browser, "/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(webappApi(browser, "/api/engine/engine/default/task").statusCode()).isEqualTo(401);
    }

    @Test
    void camundasLogoutButtonEndsTheAppSessionAndTheKeycloakSession() {
        Browser browser = loggedIn("pat");
        String logout = app + "/camunda/api/admin/auth/user/default/logout";

        // Without Camunda's CSRF header the logout is refused. (Camunda then drops the HTTP session, its own defence,
        // but Keycloak's session is left alone: the next page load logs pat back in without a password.)
        assertThat(browser.call("POST", logout, Map.of("Origin", app)).statusCode()).isEqualTo(403);
        assertThat(browser.open(app + "/camunda/app/tasklist/").uri().toString()).isEqualTo(app + "/camunda/app/tasklist/default/");

        HttpResponse<String> loggedOut = browser.call("POST", logout,
                Map.of("Origin", app, "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
        assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(200);

        assertThat(webappApi(browser, "/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        // Had Keycloak's session survived, Keycloak would send the browser straight back, logged in.
        HttpResponse<String> again = browser.open(app + "/camunda/app/tasklist/");
        assertThat(again.uri().toString()).startsWith(RealServersWithKeycloak.KEYCLOAK_LINK.url());
        assertThat(again.body()).contains(KEYCLOAK_LOGIN_FORM);
    }

    @Test
    void springLogoutIsAnOidcLogoutAtKeycloak() {
        Browser browser = loggedIn("carol");
        HttpResponse<String> confirm = browser.open(app + "/logout");

        HttpResponse<String> afterLogout = browser.submit(confirm, "action=\"/logout\"",
                Map.of("_csrf", Browser.hiddenField(confirm, "_csrf")));

        assertThat(afterLogout.uri().toString()).startsWith(RealServersWithKeycloak.KEYCLOAK_LINK.url());
        assertThat(afterLogout.body()).contains(KEYCLOAK_LOGIN_FORM);
        assertThat(webappApi(browser, "/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestTakesKeycloakPasswordsOverBasicAuth() {
        assertThat(rest.get("/task", "alice", "demo").statusCode()).isEqualTo(200);
        assertThat(rest.get("/task", null, null).statusCode()).isEqualTo(401);
        // Camunda delays logins after a failed one: the wrong password goes to a user no other test logs in as.
        assertThat(rest.get("/task", "eve", "not-the-password").statusCode()).isEqualTo(401);
    }

    @Test
    void redcapSimulatorStaysOpenBecauseItStandsInForAnotherServer() {
        assertThat(new Browser().call("GET", app + "/redcap-sim/qa/outage", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void probesAndPrometheusReachTheActuatorWithoutALogin() {
        HttpResponse<String> readiness = new Browser().call("GET", app + "/actuator/health/readiness", Map.of());
        assertThat(readiness.statusCode()).as("no redirect to Keycloak's login").isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");

        // Boot's tests switch metrics export off, so the endpoint answers 404 here; what matters is that it answers.
        HttpResponse<String> metrics = new Browser().call("GET", app + "/actuator/prometheus", Map.of());
        assertThat(metrics.statusCode() / 100).as("not a redirect to Keycloak's login").isNotEqualTo(3);
        assertThat(metrics.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void camundaSeesKeycloaksUsersAndGroups() {
        assertThat(identity.isReadOnly()).isTrue();
        assertThat(identity.createUserQuery().userId("alice").singleResult()).isNotNull();
        assertThat(identity.createGroupQuery().groupMember("rita").list()).extracting(Group::getId)
                .contains("api-requesters", "api-specialists", "redcap-admins");
        assertThat(identity.checkPassword("sam", "demo")).isTrue();
        assertThat(identity.checkPassword("sam", "wrong")).isFalse();
    }

    @Test
    void tasksAreVisibleToTheRequesterAndThenToTheSpecialistsGroup() {
        HttpResponse<String> started = rest.post("/process-definition/key/TokenRequestProcess/submit-form", "alice", "demo",
                EngineRest.startFormBody(101, "Nightly export of new visits for the dashboard, filtered by date."));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String requestId = json(started).get("id").asText();
        Jobs.runDue(management);

        assertThat(taskKeys("alice", requestId)).containsExactly("Task_DevelopAndTestInQa");
        assertThat(taskKeys("sam", requestId)).isEmpty();

        String qaTask = json(rest.get("/task?processInstanceId=" + requestId, "alice", "demo")).get(0).get("id").asText();
        HttpResponse<String> completed = rest.post("/task/" + qaTask + "/complete", "alice", "demo", EngineRest.qaResults());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        Jobs.runDue(management);

        assertThat(taskKeys("sam", requestId)).containsExactly("Task_ReviewCode");
        assertThat(taskKeys("alice", requestId)).isEmpty();
    }

    private List<String> taskKeys(String user, String processInstanceId) {
        HttpResponse<String> tasks = rest.get("/task?processInstanceId=" + processInstanceId, user, "demo");
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        return StreamSupport.stream(json(tasks).spliterator(), false).map(task -> task.get("taskDefinitionKey").asText()).toList();
    }

    private Browser loggedIn(String username) {
        Browser browser = new Browser();
        HttpResponse<String> tasklist = browser.submit(browser.open(app + "/camunda/app/tasklist/"), KEYCLOAK_LOGIN_FORM,
                Map.of("username", username, "password", "demo"));
        assertThat(tasklist.uri().toString()).as(username + " logged in").isEqualTo(app + "/camunda/app/tasklist/default/");
        return browser;
    }

    /** A call the webapps' JavaScript makes, with the browser's session. */
    private HttpResponse<String> webappApi(Browser browser, String path) {
        return browser.call("GET", app + "/camunda" + path, Map.of());
    }

    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).spliterator(), false).map(node -> node.get("name").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
