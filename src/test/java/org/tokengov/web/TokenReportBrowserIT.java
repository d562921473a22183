package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.testsupport.HeadlessChromium;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * A holder reports a compromised token from the dashboard in a real headless Chromium: the link in the token table,
 * the confirmation page, the result; the old value then gets 403 from REDCap's API (the simulator over HTTP). And the
 * same report through Tasklist's start form, refused for someone else's token with the form's message.
 * Screenshots: target/browser-token-report/. In the context of {@link TokenRegistryApiIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TokenRegistryApiIT.OwnServers.class)
class TokenReportBrowserIT {

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;

    HeadlessChromium browser;
    String app;

    @BeforeEach
    void openBrowser() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        browser = new HeadlessChromium("browser-token-report");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theHolderReportsACompromisedTokenFromTheDashboard() {
        IssuedToken token = new IssuedTokens(context).issue("alice", RedcapEnvironment.QA, 7501);
        SimulatorHttp simulator = new SimulatorHttp(app);
        String before = simulator.tokenOf("qa", "alice", 7501);
        try {
            browser.logInToTasklist(app, "alice", "demo");
            browser.open(app + "/dashboard?project=7501");
            By link = By.cssSelector("#tokens tr[data-token='" + token.id() + "'] a[data-action='compromised']");
            WebElement report = browser.visible(link);
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", report);
            browser.screenshot("dashboard-with-actions");
            report.click();

            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Report a compromised token");
            assertThat(browser.text(By.id("what-happens"))).contains("REDCap gives the token a new value now");
            browser.screenshot("confirmation");
            browser.visible(By.id("confirm")).click();

            assertThat(browser.text(By.id("result"))).contains("Compromise reported");
            browser.screenshot("result");
            Jobs.runDue(management);
            assertThat(simulator.versionStatus("qa", before)).as("the old value").isEqualTo(403);
            assertThat(simulator.versionStatus("qa", simulator.tokenOf("qa", "alice", 7501))).as("the new value").isEqualTo(200);
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    @Test
    void theHolderReportsFromTasklistsStartFormAndOthersAreRefused() {
        IssuedToken token = new IssuedTokens(context).issue("alice", RedcapEnvironment.QA, 7502);
        SimulatorHttp simulator = new SimulatorHttp(app);
        String before = simulator.tokenOf("qa", "alice", 7502);
        try {
            browser.logInToTasklist(app, "bob", "demo");
            startTheReport(token.id());
            browser.visible(By.xpath("//*[contains(normalize-space(), 'Only the holder or a REDCap administrator may do this.')]"));
            browser.screenshot("tasklist-refused-for-bob");
            Jobs.runDue(management);
            assertThat(simulator.tokenOf("qa", "alice", 7502)).as("nothing happened").isEqualTo(before);

            browser.logInToTasklist(app, "alice", "demo");
            startTheReport(token.id());
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                Jobs.runDue(management);
                return simulator.versionStatus("qa", before) == 403;
            });
            browser.screenshot("tasklist-reported-by-alice");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    private void startTheReport(String tokenId) {
        browser.visible(By.xpath("//a[contains(normalize-space(), 'Start process')]")).click();
        browser.visible(By.xpath("//div[contains(@class, 'modal')]//a[contains(normalize-space(), 'Report about one of my tokens')]"))
                .click();
        browser.tick("Compromised: REDCap gives the token a new value now");
        browser.type("Token id", tokenId);
        browser.screenshot("tasklist-start-form");
        browser.press("Start");
    }
}
