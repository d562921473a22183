package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.AxeCheck;
import org.tokengov.testsupport.HeadlessChromium;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;

/**
 * A PI in a real Chromium (screenshots in {@code target/browser-pi-view}): pat logs in from a dashboard link, finds
 * "Tokens on your projects" with the holders of her projects and their tokens, follows "Left the project" for one of
 * them, confirms, and the holder's token on that project is revoked. axe-core finds no serious or critical violation
 * on her dashboard or the confirmation page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = DashboardIT.OwnServers.class)
class PiViewBrowserIT {

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired TokenRegistry registry;

    HeadlessChromium browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPiSeesHerProjectsHoldersAndFollowsLeftTheProject() {
        RealServers.serveHttpFrom(context);
        String app = RealServers.baseUrl(context);
        // Projects of their own, which pat manages: a live token of alice's on 101 would make other tests' requests
        // for 101 ineligible, and leaving 101 would end the tokens they use.
        IssuedTokens issue = new IssuedTokens(context);
        IssuedToken bobs = issue.issue("bob", RedcapEnvironment.PROD, 7602);
        IssuedToken alices = issue.issue("alice", RedcapEnvironment.QA, 7601);
        managedByPat(issue, RedcapEnvironment.PROD, 7602);
        managedByPat(issue, RedcapEnvironment.QA, 7601);

        browser = new HeadlessChromium("browser-pi-view");
        browser.open(app + "/dashboard");
        browser.logInOnThisPage("pat", "demo");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().startsWith(app + "/dashboard"));

        WebElement section = browser.visible(By.id("pi"));
        assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("Tokens on your projects");
        assertThat(browser.text(By.id("pi-projects"))).contains("PROD 101", "PROD 7602", "QA 201", "QA 7601");
        assertThat(browser.text(By.cssSelector("#pi-tokens tr[data-token='" + bobs.id() + "']")))
                .startsWith("bob PROD 7602 export Active");
        WebElement alicesRow = browser.visible(By.cssSelector("#pi-tokens tr[data-token='" + alices.id() + "']"));
        assertThat(alicesRow.getText()).startsWith("alice QA 7601 export Active in QA");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", section);
        browser.screenshot("pi-view");
        AxeCheck.assertAccessible(browser, "dashboard-pi");

        WebElement leftProject = alicesRow.findElement(By.linkText("Left the project"));
        assertThat(leftProject.getAttribute("href")).isEqualTo(app + "/dashboard/tokens/" + alices.id() + "/left-project");
        leftProject.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> driver.getCurrentUrl().equals(app + "/dashboard/tokens/" + alices.id() + "/left-project"));
        browser.screenshot("left-project");
        AxeCheck.assertAccessible(browser, "left-project-confirmation");
        browser.visible(By.id("confirm")).click();

        assertThat(browser.text(By.id("result"))).contains("Offboarding started");
        browser.screenshot("left-project-reported");
        Jobs.runDue(management);
        assertThat(registry.find(alices.id()).orElseThrow().state()).as("the offboarding ended her token there")
                .isEqualTo(TokenState.REVOKED);
        assertThat(registry.find(bobs.id()).orElseThrow().state()).as("bob's token is untouched")
                .isEqualTo(TokenState.ACTIVE);
    }

    /** pat with full User Rights on the project, as REDCap stores them. */
    private static void managedByPat(IssuedTokens issue, RedcapEnvironment environment, long project) {
        issue.addProjectUser(environment, project, "pat");
        issue.redcap(environment).update(
                "UPDATE redcap_user_rights SET user_rights = 1 WHERE project_id = " + project + " AND username = 'pat'");
    }
}
