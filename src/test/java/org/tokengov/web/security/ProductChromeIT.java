package org.tokengov.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.EmbeddedDefault;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.HeadlessChromium;
import org.tokengov.testsupport.RealServers;

/**
 * The product, not the engine: the webapps served with the product's name and without Camunda's "migrate to Camunda
 * 8" banner; a dashboard link opened while logged out returns to the dashboard after login (never to another site);
 * "Create task" and filter editing only for Camunda administrators, in the browser and through REST. Screenshots:
 * target/browser-product-chrome/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = EmbeddedDefault.class)
class ProductChromeIT {

    static final String PRODUCT = "REDCap API token governance";

    @Autowired ConfigurableApplicationContext context;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    String app;
    EngineRest rest;
    HeadlessChromium browser;

    @BeforeEach
    void serve() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        rest = new EngineRest(app);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyWebappIsConfiguredWithTheProductsNameAndWithoutTheMigrationBanner() throws Exception {
        for (String webapp : List.of("tasklist", "welcome", "cockpit", "admin")) {
            assertThat(get("/camunda/app/" + webapp + "/scripts/config.js").body()).as(webapp)
                    .contains("import {app, customScripts} from '../../product/product.js'");
            assertThat(get("/camunda/app/" + webapp + "/styles/user-styles.css").body()).as(webapp)
                    .contains("../../product/product.css");
        }
        assertThat(get("/camunda/app/product/product.js").body()).contains("'" + PRODUCT + "'")
                .contains("vendor: 'REDCap', name: 'API token governance'");
        HttpResponse<String> css = get("/camunda/app/product/product.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body().replaceAll("\\s+", " ")).contains(".ce-eol-banner { display: none !important; }");
        for (String script : List.of("/camunda/app/product/login-heading.js", "/camunda/app/product/login-accessibility.js",
                "/camunda/app/product/return-after-login.js",
                "/camunda/app/tasklist/scripts/administrator-actions.js")) {
            assertThat(get(script).statusCode()).as(script).isEqualTo(200);
        }
    }

    @Test
    void aPageAskedForWhileLoggedOutIsNamedToTheLogin() throws Exception {
        HttpResponse<String> dashboard = get("/dashboard?state=ACTIVE&environment=PROD");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location").orElseThrow())
                .endsWith("/camunda/app/welcome/default/?next=%2Fdashboard%3Fstate%3DACTIVE%26environment%3DPROD#/login");
        // Camunda's own redirects are left as they are.
        HttpResponse<String> webapps = get("/camunda/");
        assertThat(webapps.headers().firstValue("Location").orElse("")).doesNotContain("next=");
    }

    @Test
    void onlyCamundaAdministratorsCreateTasksAndFilters() throws Exception {
        String task = "{\"name\": \"Anything\", \"assignee\": \"alice\"}";
        String filter = "{\"resourceType\": \"Task\", \"name\": \"Mine\", \"query\": {}, \"properties\": {}}";
        for (String user : List.of("alice", "sam", "pat", "rita")) {
            assertThat(rest.post("/task/create", user, "demo", task).statusCode()).as(user + " creates a task").isEqualTo(403);
            assertThat(rest.post("/filter/create", user, "demo", filter).statusCode()).as(user + " creates a filter").isEqualTo(403);
            assertThat(mayCreateTasks(user)).as(user + " is offered task creation").isFalse();
            assertThat(offered("/filter", user))
                    .as(user + " is offered filter creation").doesNotContain("create");
        }
        String myTasks = EngineRest.json(rest.get("/filter?name=My%20tasks", "alice", "demo")).path(0).path("id").asText();
        assertThat(myTasks).isNotBlank();
        assertThat(rest.call("PUT", "/filter/" + myTasks, "alice", "demo", filter).statusCode()).as("alice edits a filter")
                .isEqualTo(403);
        assertThat(rest.call("DELETE", "/filter/" + myTasks, "alice", "demo", null).statusCode()).as("alice deletes a filter")
                .isEqualTo(403);
        assertThat(mayCreateTasks("ada")).as("a Camunda administrator may create tasks").isTrue();
        assertThat(offered("/filter", "ada")).as("a Camunda administrator may create filters").contains("create");
    }

    /** Kept out of Tasklist's start list, the timer processes are started on demand by REDCap administrators only. */
    @Test
    void administratorsStartTimerProcessesOnDemandThroughRest() {
        for (String process : List.of("InactivitySweepProcess", "PolicyAttestationProcess")) {
            String start = "/process-definition/key/" + process + "/start";
            assertThat(rest.post(start, "alice", "demo", "{}").statusCode()).as("alice starts " + process).isEqualTo(403);
            assertThat(rest.post(start, "sam", "demo", "{}").statusCode()).as("sam starts " + process).isEqualTo(403);
            HttpResponse<String> byAdministrator = rest.post(start, "rita", "demo", "{}");
            assertThat(byAdministrator.statusCode()).as(byAdministrator.body()).isEqualTo(200);
        }
    }

    @Test
    void inTheBrowser() {
        browser = new HeadlessChromium("browser-product-chrome");
        try {
            // A dashboard link opened while logged out: the login page, with the product's name and no banner ...
            browser.open(app + "/dashboard?state=ACTIVE");
            assertThat(browser.text(By.cssSelector(".tokengov-product"))).isEqualTo(PRODUCT);
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
            browser.screenshot("login-page");
            // ... and after login, back on the dashboard.
            browser.logInOnThisPage("alice", "demo");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().startsWith(app + "/dashboard?state=ACTIVE"));
            browser.screenshot("dashboard-after-login");
            // Arriving at the login logged in already (as from Keycloak's login): straight on to the page asked for.
            browser.open(app + "/camunda/app/welcome/default/?next=%2Frequests#/login");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().equals(app + "/requests"));

            // A login page that names another site stays on Camunda's start page.
            browser.driver().manage().deleteAllCookies();
            browser.open(app + "/camunda/app/welcome/default/?next=//example.org/#/login");
            browser.visible(By.cssSelector(".tokengov-product"));
            browser.logInOnThisPage("alice", "demo");
            browser.visible(By.xpath("//h3[normalize-space() = 'Applications']"));
            assertThat(browser.driver().getCurrentUrl()).startsWith(app + "/camunda/app/welcome/default/");

            // Tasklist's header names the product; a requester has no "Create task", no banner.
            browser.logInToTasklist(app, "alice", "demo");
            assertThat(browser.text(By.cssSelector(".navbar-brand .brand-name"))).isEqualTo(PRODUCT);
            assertThat(browser.driver().getTitle()).isEqualTo(PRODUCT);
            browser.chooseFilter("My tasks");
            assertThat(browser.driver().findElements(By.cssSelector(".create-task-action, .task-filters .actions a")))
                    .isNotEmpty().allSatisfy(action -> assertThat(action.isDisplayed()).isFalse());
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
            browser.screenshot("tasklist-alice");

            // A Camunda administrator keeps it.
            browser.logInToTasklist(app, "ada", "demo");
            browser.visible(By.cssSelector(".create-task-action"));
            browser.chooseFilter("My tasks");
            browser.visible(By.cssSelector(".task-filters .item.active .actions a"));
            browser.screenshot("tasklist-ada");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    /** What Tasklist asks before it shows "Create task" (administrator-actions.js). */
    private boolean mayCreateTasks(String user) {
        HttpResponse<String> check = rest.get("/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7",
                user, "demo");
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        return EngineRest.json(check).path("authorized").asBoolean();
    }

    /** What Camunda offers the user on the resource (OPTIONS: the links Tasklist reads to show its buttons). */
    private List<String> offered(String resource, String user) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> options = http.send(HttpRequest.newBuilder(URI.create(app + "/engine-rest" + resource))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return EngineRest.json(options).findValuesAsText("rel");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
