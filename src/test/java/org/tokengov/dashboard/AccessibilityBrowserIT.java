package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.AxeCheck;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.HeadlessChromium;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;

/**
 * The app's own pages in a real headless Chromium, checked with axe-core (WCAG 2.1 A and AA, best practices): no
 * serious or critical violation on the dashboard, the requests page and the leak scan, as an administrator and as a
 * holder, with data in every part. And the dashboard used with the keyboard alone: skip link, filter form, a link to
 * the requests page, each focused element visibly outlined. Reports: target/axe/; screenshots:
 * target/browser-accessibility/. Shares the dashboard tests' context (DashboardIT); its rows use projects of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = DashboardIT.OwnServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserIT {

    static final long PROJECT = 7801;

    @Autowired ConfigurableApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagementService management;

    String app;
    HeadlessChromium browser;
    String loggedIn;
    final List<String> failures = new ArrayList<>();

    @BeforeAll
    void somethingInEveryPart() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        Instant now = Instant.now();
        String request = request("alice", "APPROVED", 4);
        token("alice", "PROD", "ACTIVE", request, now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(20)), null, null);
        token("alice", "QA", "QA_ACTIVE", null, now.minus(Duration.ofDays(160)), now.plus(Duration.ofDays(200)), null, null);
        token("alice", "PROD", "SUSPENDED", null, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(300)),
                now.minus(Duration.ofDays(2)), null);
        token("alice", "PROD", "REVOKED", null, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)), null,
                "INACTIVITY");
        token("dora-a11y", "PROD", "ACTIVE", request("dora-a11y", "APPROVED", 100), now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(80)), now.minus(Duration.ofDays(1)), null);
        request("alice", "REJECTED", 10);
        request("alice", "TIMED_OUT", 10);
        // Every shade of the heat map, peak hours and not (REDCap's time is New York's; peak 08:00 to 18:00 on weekdays).
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        long[] calls = {1, 30, 120, 600, 2_000, 5_000};
        for (int i = 0; i < calls.length; i++) {
            usage("alice", hour.minus(Duration.ofHours(5 + 13L * i)), calls[i]);
            usage("dora-a11y", hour.minus(Duration.ofHours(7 + 17L * i)), calls[i] / 2 + 1);
        }
        String polling = fairUseCase("alice", "POLLING", now.plus(Duration.ofDays(10)));
        finding("alice", "POLLING", "CONFIRMED", polling);
        finding("dora-a11y", "REPEATED_FULL_EXPORT", "SUSPECTED", fairUseCase("dora-a11y", "REPEATED_FULL_EXPORT",
                now.minus(Duration.ofDays(1))));
        // An open request, waiting at a step, through the engine as Tasklist submits it.
        HttpResponse<String> started = new EngineRest(app).post("/process-definition/key/TokenRequestProcess/submit-form",
                "bob", "demo", EngineRest.startFormBody(101, "Weekly export of the visit dates, filtered by event."));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        Jobs.runDue(management);
    }

    @BeforeEach
    void openBrowser() {
        RealServers.serveHttpFrom(context);
        browser = new HeadlessChromium("browser-accessibility");
        loggedIn = null;
        failures.clear();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theAdministratorsPagesHaveNoSeriousOrCriticalViolations() {
        check("ada", "/dashboard", "dashboard-ada");
        check("ada", "/dashboard?project=" + PROJECT, "dashboard-ada-project");
        check("ada", "/dashboard?state=NONE", "dashboard-ada-error");
        check("ada", "/requests", "requests-ada");
        check("ada", "/leaks/scan", "leak-scan-empty");
        scan("print('no token in here')");
        checkThisPage("leak-scan-result");
        scan("");
        checkThisPage("leak-scan-error");
        assertThat(failures).isEmpty();
    }

    @Test
    void theHoldersPagesHaveNoSeriousOrCriticalViolations() {
        check("alice", "/dashboard", "dashboard-alice");
        check("alice", "/dashboard?environment=PROD&state=ACTIVE&project=" + PROJECT, "dashboard-alice-filtered");
        check("alice", "/requests", "requests-alice");
        check("alice", "/requests?page=x", "requests-alice-error");
        check("alice", "/leaks/scan", "leak-scan-alice");
        assertThat(failures).isEmpty();
    }

    /** The report pages: a confirmation with a reason, the same refused for a blank reason, and a refusal page. */
    @Test
    void theReportPagesHaveNoSeriousOrCriticalViolations() {
        String live = jdbc.queryForObject("select id from api_token where holder = 'alice' and state = 'QA_ACTIVE'"
                + " and project_id = ?", String.class, PROJECT);
        check("alice", "/dashboard/tokens/" + live + "/code-change", "report-code-change");
        browser.type("What changed in the code", "   ");
        browser.visible(By.id("confirm")).click();
        browser.visible(By.id("error"));
        checkThisPage("report-code-change-blank");
        check("alice", "/dashboard/tokens/" + live + "/suspension", "report-refused");
        assertThat(failures).isEmpty();
    }

    /** Camunda's login page, with the product's name on it: where a dashboard link opened while logged out leads. */
    @Test
    void theLoginPageHasNoSeriousOrCriticalViolations() {
        browser.open(app + "/dashboard");
        browser.visible(By.cssSelector("form[name=signinForm] input[type=password]"));
        checkThisPage("login");
        assertThat(failures).isEmpty();
    }

    /** Tab, Shift+Tab and Enter only: skip to the content, filter the tokens, follow the link to the requests. */
    @Test
    void theDashboardWorksWithTheKeyboardAlone() {
        logIn("alice", "/dashboard");
        WebElement skip = tabTo(By.cssSelector("a.skip-link"));
        assertThat(skip.isDisplayed()).as("the skip link shows when it has the focus").isTrue();
        browser.screenshot("keyboard-skip-link");
        press(Keys.ENTER);
        assertThat(focused().getAttribute("id")).as("the skip link moves the focus to the content").isEqualTo("content");

        WebElement environment = tabTo(By.cssSelector(".filters select[name=environment]"));
        press(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(environment.getDomProperty("value")).isEqualTo("PROD");
        tabTo(By.cssSelector(".filters select[name=state]"));
        tabTo(By.cssSelector(".filters input[name=project]"));
        press(String.valueOf(PROJECT).split(""));
        tabTo(By.cssSelector(".filters button[type=submit]"));
        browser.screenshot("keyboard-apply");
        press(Keys.ENTER);
        waitForUrl(app + "/dashboard?environment=PROD&state=&project=" + PROJECT);
        assertThat(browser.driver().findElements(By.cssSelector("#tokens tbody tr"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("PROD").contains(String.valueOf(PROJECT)));

        // Backwards from the filter form to the header's link.
        tabTo(By.cssSelector(".filters select[name=environment]"));
        WebElement requests = shiftTabTo(By.cssSelector("header a[href='/requests']"));
        assertThat(requests.getText()).isEqualTo("Requests");
        press(Keys.ENTER);
        waitForUrl(app + "/requests");
        tabTo(By.cssSelector("header a[href='/dashboard']"));
        browser.screenshot("keyboard-requests");
    }

    /** Logs in (once per person) through the product's login, opens the page and runs axe on it. */
    private void check(String user, String path, String report) {
        if (!user.equals(loggedIn)) {
            logIn(user, path);
        } else {
            browser.open(app + path);
        }
        browser.visible(By.tagName("main"));
        checkThisPage(report);
    }

    private void checkThisPage(String report) {
        browser.screenshot(report);
        try {
            AxeCheck.assertAccessible(browser, report);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    private void logIn(String user, String path) {
        browser.driver().manage().deleteAllCookies();
        browser.open(app + "/camunda/app/welcome/default/?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                + "#/login");
        browser.logInOnThisPage(user, "demo");
        waitForUrl(app + path);
        loggedIn = user;
    }

    private void scan(String text) {
        WebElement field = browser.visible(By.id("text"));
        field.clear();
        field.sendKeys(text);
        browser.visible(By.cssSelector("#scan-form button[type=submit]")).click();
        browser.visible(By.cssSelector(text.isEmpty() ? "#error" : "#result"));
    }

    /** Tabs forward until the element has the focus, checking that every element focused on the way is outlined. */
    private WebElement tabTo(By target) {
        return moveFocusTo(target, false);
    }

    private WebElement shiftTabTo(By target) {
        return moveFocusTo(target, true);
    }

    private WebElement moveFocusTo(By target, boolean backwards) {
        // Present, not necessarily visible: the skip link shows only once it has the focus.
        WebElement wanted = browser.driver().findElement(target);
        for (int i = 0; i < 60; i++) {
            if (backwards) {
                new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(Keys.TAB);
            }
            WebElement now = focused();
            assertThat(outlined(now)).as("the focused " + now.getTagName() + " '" + now.getText() + "' is outlined")
                    .isTrue();
            if (now.equals(wanted)) {
                return now;
            }
        }
        throw new AssertionError("the keyboard never reached " + target);
    }

    /** A visible focus ring: an outline of at least 2 px (the browser's own or the page's). */
    private boolean outlined(WebElement element) {
        return !"none".equals(element.getCssValue("outline-style"))
                && Double.parseDouble(element.getCssValue("outline-width").replace("px", "")) >= 2;
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private void press(CharSequence... keys) {
        Actions typing = new Actions(browser.driver());
        for (CharSequence key : keys) {
            typing.sendKeys(key);
        }
        typing.perform();
    }

    private void waitForUrl(String url) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> url.equals(driver.getCurrentUrl()));
    }

    private String request(String requester, String status, long expectedCallsPerDay) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into token_request (id, request_number, requester, production_project_id, qa_project_id, right_export,
                    right_import, right_mobile_app, intended_use, usage_description, call_schedule, expected_calls_per_day,
                    fair_use_accepted, backfilled, status, submitted_at, version)
                values (?, ?, ?, ?, ?, true, false, false, 'SCHEDULED_EXPORT', 'Exports for the study', 'Nightly at 02:00',
                    ?, true, false, ?, ?, 0)""",
                id, "A11Y-" + id.substring(0, 8), requester, PROJECT, PROJECT + 100, expectedCallsPerDay, status,
                Timestamp.from(Instant.now().minus(Duration.ofDays(70))));
        return id;
    }

    private void token(String holder, String environment, String state, String requestId, Instant issuedAt,
            Instant expiresAt, Instant lastUsedAt, String revocationReason) {
        jdbc.update("""
                insert into api_token (id, request_id, holder, environment, project_id, right_export, right_import, right_mobile_app,
                    state, issued_at, expires_at, last_used_at, fingerprint, revoked_at, revocation_reason, version)
                values (?, ?, ?, ?, ?, true, false, false, ?, ?, ?, ?, null, ?, ?, 0)""",
                UUID.randomUUID().toString(), requestId, holder, environment, PROJECT, state, Timestamp.from(issuedAt),
                Timestamp.from(expiresAt), lastUsedAt == null ? null : Timestamp.from(lastUsedAt),
                revocationReason == null ? null : Timestamp.from(expiresAt), revocationReason);
    }

    private void usage(String username, Instant hour, long calls) {
        jdbc.update("""
                insert into api_usage_hour (environment, project_id, username, hour_start, calls, record_exports, other_exports,
                    imports, file_downloads, busiest_minute_calls, busiest_minute_at)
                values ('PROD', ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)""",
                PROJECT, username, Timestamp.from(hour), calls, calls / 10, Math.min(calls, 60), Timestamp.from(hour));
    }

    private String fairUseCase(String holder, String rule, Instant deadline) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into fair_use_case (id, token_id, rule, holder, environment, project_id, opened_at, deadline, state,
                    open_key, closed_at)
                values (?, ?, ?, ?, 'PROD', ?, ?, ?, 'OPEN', ?, null)""",
                id, "tok-" + holder, rule, holder, PROJECT, Timestamp.from(deadline.minus(Duration.ofDays(14))),
                Timestamp.from(deadline), id + ":" + rule);
        return id;
    }

    private void finding(String holder, String rule, String certainty, String caseId) {
        Instant now = Instant.now();
        jdbc.update("""
                insert into fair_use_finding (id, rule, certainty, severe, token_id, holder, environment, project_id,
                    window_start, window_end, observed, found_at, case_id)
                values (?, ?, ?, true, ?, ?, 'PROD', ?, ?, ?, 'Polled every 2 seconds for 45 minutes', ?, ?)""",
                UUID.randomUUID().toString(), rule, certainty, "tok-" + holder, holder, PROJECT,
                Timestamp.from(now.minus(Duration.ofHours(2))), Timestamp.from(now.minus(Duration.ofHours(1))),
                Timestamp.from(now.minus(Duration.ofMinutes(30))), caseId);
    }
}
