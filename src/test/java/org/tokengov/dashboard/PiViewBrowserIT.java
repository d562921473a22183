package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.tokengov.testsupport.AxeCheck;
import org.tokengov.testsupport.HeadlessChromium;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;

/**
 * A PI in a real Chromium (screenshots in {@code target/browser-pi-view}): pat logs in from a dashboard link, finds
 * "Tokens on your projects" with the holders of her projects and their tokens, and follows "Left the project" for one
 * of them to its confirmation page's address. axe-core finds no serious or critical violation on her dashboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = DashboardIT.OwnServers.class)
class PiViewBrowserIT {

    @Autowired ConfigurableApplicationContext context;

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
        IssuedTokens issue = new IssuedTokens(context);
        IssuedToken alices = issue.issue("alice", RedcapEnvironment.PROD, 101);
        IssuedToken bobs = issue.issue("bob", RedcapEnvironment.QA, 201);

        browser = new HeadlessChromium("browser-pi-view");
        browser.open(app + "/dashboard");
        browser.logInOnThisPage("pat", "demo");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().startsWith(app + "/dashboard"));

        WebElement section = browser.visible(By.id("pi"));
        assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("Tokens on your projects");
        assertThat(browser.text(By.id("pi-projects"))).contains("PROD 101").contains("QA 201");
        WebElement alicesRow = browser.visible(By.cssSelector("#pi-tokens tr[data-token='" + alices.id() + "']"));
        assertThat(alicesRow.getText()).startsWith("alice PROD 101 export Active");
        assertThat(browser.text(By.cssSelector("#pi-tokens tr[data-token='" + bobs.id() + "']"))).startsWith("bob QA 201 export Active in QA");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", section);
        browser.screenshot("pi-view");
        AxeCheck.assertAccessible(browser, "dashboard-pi");

        WebElement leftProject = alicesRow.findElement(By.linkText("Left the project"));
        assertThat(leftProject.getAttribute("href")).isEqualTo(app + "/dashboard/tokens/" + alices.id() + "/left-project");
        leftProject.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> driver.getCurrentUrl().equals(app + "/dashboard/tokens/" + alices.id() + "/left-project"));
        browser.screenshot("left-project");
    }
}
