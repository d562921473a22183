package org.tokengov.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.EmbeddedDefault;
import org.tokengov.testsupport.HeadlessChromium;
import org.tokengov.testsupport.RealServers;

/**
 * The token request as people do it, in a real headless Chromium against the embedded default: alice requests a
 * token through the start form (a bad field first) and follows it on her requests page, pat (the PI) consents to her
 * API export, she tests in QA, sam claims and approves the code review with the policy's checklist, ada approves the
 * release, and alice sees the production token on the dashboard and her request issued. A service account's request
 * is refused, with the reason on its requests page. Screenshots of each step: target/browser-journey/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = EmbeddedDefault.class)
class TokenRequestJourneyBrowserIT {

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TokenRegistry registry;

    HeadlessChromium browser;
    String app;

    @BeforeEach
    void openBrowser() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        browser = new HeadlessChromium("browser-journey");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void requestReviewApproveAndIssue() {
        try {
            requestAsAlice();
            followTheRequestAsAlice("Waiting for the project's PI to consent");
            consentAsPat();
            testInQaAsAlice();
            reviewAsSam();
            approveAsAda();
            IssuedToken production = await().atMost(Duration.ofSeconds(60))
                    .until(() -> registry.liveToken("alice", RedcapEnvironment.PROD, 101), Optional::isPresent)
                    .orElseThrow();
            seeTheTokenOnTheDashboardAsAlice(production);
            followTheRequestAsAlice("Production token issued");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    /**
     * A service account asks through the same start form and is refused at once: the reason is on its requests page,
     * not only in a mail.
     */
    @Test
    void aRefusedRequesterSeesTheReasonOnTheRequestsPage() {
        try {
            browser.logInToTasklist(app, "svc_etl", "demo");
            fillTheRequestForm("102", "202");
            browser.press("Start");
            await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey("TokenRequestProcess").startedBy("svc_etl").finished().count() == 1);

            browser.visible(By.linkText("My token requests")).click();
            String row = browser.text(By.cssSelector("#requests tbody tr"));
            browser.screenshot("svc_etl-refused");
            assertThat(row).matches("(?s)REQ-\\d{4}-\\d{4}.*").contains("102 / 202", "Refused", "is a service account",
                    "request the token with your personal account");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("refused-failure");
            throw e;
        }
    }

    /** Her request on /requests (Tasklist's header links to it): its number and the state it is in, in words. */
    private void followTheRequestAsAlice(String state) {
        browser.logInToTasklist(app, "alice", "demo");
        browser.visible(By.linkText("My token requests")).click();
        String row = browser.text(By.cssSelector("#requests tbody tr"));
        browser.screenshot("alice-requests-" + state.toLowerCase().replaceAll("[^a-z]+", "-"));
        assertThat(row).matches("(?s)REQ-\\d{4}-\\d{4}.*").contains("101 / 201", state);
    }

    private void requestAsAlice() {
        browser.logInToTasklist(app, "alice", "demo");
        browser.screenshot("alice-tasklist");
        fillTheRequestForm("101", "201");
        browser.type("Expected API calls per day", "0");

        String error = browser.text(By.cssSelector(".fjs-form-field-error"));
        browser.screenshot("alice-request-refused");
        assertThat(error).isEqualTo("Field must have minimum value of 1.");
        assertThat(browser.enabled("Start")).isFalse();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("TokenRequestProcess").count()).isZero();

        browser.type("Expected API calls per day", "2");
        browser.press("Start");
        await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("TokenRequestProcess").startedBy("alice").count() == 1);
        browser.screenshot("alice-request-submitted");
    }

    /** Tasklist's start form of a token request, filled in as a careful requester does (two calls a day). */
    private void fillTheRequestForm(String productionProject, String qaProject) {
        browser.visible(By.xpath("//a[contains(normalize-space(), 'Start process')]")).click();
        browser.visible(By.xpath("//div[contains(@class, 'modal')]//a[contains(normalize-space(), 'REDCap API token request')]"))
                .click();
        browser.type("Production project id", productionProject);
        browser.type("QA project id", qaProject);
        browser.tick("Export data");
        browser.choose("Intended use", "Scheduled export (e.g. nightly extract for a dashboard)");
        browser.type("Describe how you will use the token", "A nightly export of the visit dates, filtered by event.");
        browser.type("When will the code call the API?", "Nightly at 02:00");
        browser.type("Expected API calls per day", "2");
        browser.tick("I have read and accept the REDCap API Fair Use Policy");
    }

    /** REDCap enables no API rights by default: pat, the project's PI, consents to alice's API export in Tasklist. */
    private void consentAsPat() {
        browser.logInToTasklist(app, "pat", "demo");
        browser.chooseFilter("API access to consent to");
        browser.openTask("Consent to API access of alice");
        browser.visible(By.xpath("//button[contains(normalize-space(), 'Claim')]")).click();
        browser.choose("Your decision", "Approve API access with the rights ticked below");
        browser.tick("Approve: export data through the API");
        browser.screenshot("pat-pi-consent");
        browser.press("Complete");
        browser.logInToTasklist(app, "alice", "demo");
    }

    private void testInQaAsAlice() {
        browser.chooseFilter("My requests");
        browser.openTask("Develop and test in QA");
        browser.type("Code repository URL", "https://git.example.org/alice/visit-export");
        browser.type("Commit to review", "3f2a9c1");
        browser.type("What did you test in QA?", "Exported 40 records of project 201 with a filter, twice a day for a week.");
        browser.screenshot("alice-qa-testing");
        browser.press("Complete");
    }

    private void reviewAsSam() {
        browser.logInToTasklist(app, "sam", "demo");
        browser.chooseFilter("Code reviews");
        browser.openTask("Review API code of alice");
        browser.visible(By.xpath("//button[contains(normalize-space(), 'Claim')]")).click();
        assertThat(browser.visible(By.linkText("open the repository")).getAttribute("href"))
                .isEqualTo("https://git.example.org/alice/visit-export");
        assertThat(browser.visible(By.linkText("open commit 3f2a9c1")).getAttribute("href"))
                .isEqualTo("https://git.example.org/alice/visit-export/commit/3f2a9c1");
        browser.tick("Heavy calls run off peak (evenings, weekends) and nothing polls every few seconds");
        browser.tick("Exports are limited by records, fields, filters or a date range, not repeated full exports");
        browser.tick("The token appears nowhere in the code, its history or its logs");
        browser.tick("The code reads the token from an environment variable or a secret store");
        browser.choose("Outcome", "Approve: ready for release approval");
        browser.type("Comments to the requester", "Filters by event and runs off-peak: fine.");
        browser.screenshot("sam-code-review");
        browser.press("Complete");
    }

    private void approveAsAda() {
        browser.logInToTasklist(app, "ada", "demo");
        browser.chooseFilter("Approvals");
        browser.openTask("Approve production release for alice");
        browser.visible(By.xpath("//button[contains(normalize-space(), 'Claim')]")).click();
        assertThat(browser.visible(By.xpath("//label[normalize-space()='Code reviewed by']/following::input[1]"))
                .getAttribute("value")).as("the approver sees who reviewed the code").isEqualTo("sam");
        browser.choose("Decision", "Approve release to production");
        browser.screenshot("ada-release-approval");
        browser.press("Complete");
    }

    /** Tasklist's header links to the dashboard, which shares its login and lists the new production token. */
    private void seeTheTokenOnTheDashboardAsAlice(IssuedToken production) {
        browser.logInToTasklist(app, "alice", "demo");
        browser.visible(By.linkText("Token dashboard")).click();
        String row = browser.text(By.cssSelector("#tokens tr[data-token='" + production.id() + "']"));
        browser.screenshot("alice-dashboard");
        assertThat(row).startsWith("alice PROD 101 Active export");
    }
}
