package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;

/**
 * The dashboard over real HTTP on PostgreSQL, logged in through Camunda's webapp login as Tasklist does (alice and bob
 * request tokens, ada administers). Tests that count use a project id of their own, so tokens other tests add do not
 * change their figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = DashboardIT.OwnServers.class)
class DashboardIT {

    /** A context of its own: these tests add tokens, requests and offboardings. */
    static class OwnServers extends RealServers {
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    String app;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
    }

    @Test
    void anonymousVisitorsAreSentToCamundasLoginAndProgramsWithoutCredentialsGet401() {
        WebappSession anonymous = WebappSession.anonymous(app);

        HttpResponse<String> page = anonymous.get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("/camunda/app/welcome/default/?next=%2Fdashboard"));

        HttpResponse<String> csv = anonymous.get("/dashboard/tokens.csv");
        assertThat(csv.statusCode()).isEqualTo(401);
        assertThat(csv.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        // Camunda delays a user's logins after a failed one: wrong passwords go to users no other test logs in as.
        assertThat(anonymous.getWithBasic("/dashboard/tokens.csv", "eve", "not-her-password").statusCode()).isEqualTo(401);
        assertThat(anonymous.logIn("erin", "wrong").statusCode()).as("a refused Camunda login").isEqualTo(401);
        assertThat(anonymous.get("/dashboard").statusCode()).as("no session after a refused login").isEqualTo(302);
    }

    @Test
    void theTasklistLoginOpensTheDashboardWithALinkBackToTasklist() {
        HttpResponse<String> page = WebappSession.loggedIn(app, "alice").get("/dashboard");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("Logged in as <strong>alice</strong>").contains("your tokens and requests")
                .contains("href=\"/camunda/app/tasklist/default/\"").contains("href=\"/dashboard/dashboard.css\"")
                .doesNotContain("Holder <input");
        assertThat(WebappSession.anonymous(app).get("/dashboard/dashboard.css").statusCode()).isEqualTo(200);
    }

    @Test
    void administratorsSeeEveryonesTokensAndRequestersOnlyTheirOwnWhateverTheyAskFor() {
        IssuedTokens issue = new IssuedTokens(context);
        IssuedToken alices = issue.issue("alice", RedcapEnvironment.PROD, 101);
        IssuedToken bobs = issue.issue("bob", RedcapEnvironment.PROD, 101);
        WebappSession alice = WebappSession.loggedIn(app, "alice");
        WebappSession ada = WebappSession.loggedIn(app, "ada");

        String adminPage = ada.get("/dashboard").body();
        assertThat(adminPage).contains("administrator: all tokens").contains(alices.id()).contains(bobs.id()).contains("Holder <input");
        assertThat(ada.get("/dashboard?holder=bob").body()).contains(bobs.id()).doesNotContain(alices.id());
        assertThat(ada.get("/dashboard/tokens.csv").body()).contains(alices.id()).contains(bobs.id());

        assertThat(alice.get("/dashboard").body()).contains(alices.id()).doesNotContain(bobs.id());
        assertThat(alice.get("/dashboard?project=101&environment=PROD").body()).contains(alices.id()).doesNotContain(bobs.id());
        assertThat(alice.get("/dashboard?holder=alice").body()).contains(alices.id());
        HttpResponse<String> askedForBob = alice.get("/dashboard?holder=bob");
        assertThat(askedForBob.statusCode()).isEqualTo(400);
        assertThat(askedForBob.body()).contains("Only REDCap administrators can look at other people&#39;s tokens and requests.")
                .doesNotContain(bobs.id()).doesNotContain(alices.id());

        String alicesCsv = alice.get("/dashboard/tokens.csv").body();
        assertThat(alicesCsv).contains(alices.id()).doesNotContain(bobs.id()).doesNotContain(",bob,");
        HttpResponse<String> csvForBob = alice.get("/dashboard/tokens.csv?holder=bob");
        assertThat(csvForBob.statusCode()).isEqualTo(400);
        assertThat(csvForBob.body()).isEqualTo("Only REDCap administrators can look at other people's tokens and requests.\n");

        HttpResponse<String> bobsOwn = WebappSession.anonymous(app).getWithBasic("/dashboard/tokens.csv", "bob", "demo");
        assertThat(bobsOwn.statusCode()).as("HTTP Basic for programs").isEqualTo(200);
        assertThat(bobsOwn.body()).contains(bobs.id()).doesNotContain(alices.id());
    }

    @Test
    void openRequestsShowTheStepTheyWaitAtToTheRequesterAndAdministratorsOnly() {
        HttpResponse<String> started = new EngineRest(app).post("/process-definition/key/TokenRequestProcess/submit-form",
                "alice", "demo", EngineRest.startFormBody(101, "Nightly export of new visits, filtered by date."));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String requestId = EngineRest.json(started).get("id").asText();
        Jobs.runDue(management);

        String row = row(WebappSession.loggedIn(app, "alice").get("/dashboard").body(), "data-request=\"" + requestId + "\"");
        assertThat(row).contains("<td>alice</td>").contains("101 / 201")
                .contains("Develop and test in QA (project 201)")
                .as("waiting for alice, for seconds").matches("(?s).*<td>alice</td>\\s*<td>\\d+ s</td>\\s*<td>.*");
        assertThat(row(WebappSession.loggedIn(app, "ada").get("/dashboard").body(), "data-request=\"" + requestId + "\""))
                .contains("Develop and test in QA (project 201)");
        assertThat(WebappSession.loggedIn(app, "bob").get("/dashboard").body()).doesNotContain(requestId);
    }

    @Test
    void figuresForSeededTokensCountByStateAndEnvironmentAndByExpiryWindow() {
        long project = 7001;
        Instant now = Instant.now();
        token("f-qa-active", "fig-holder", "QA", project, "QA_ACTIVE", now.plus(days(10)), null, now.minus(days(20)));
        token("f-active-1", "fig-holder", "PROD", project, "ACTIVE", now.plus(days(40)), now.minus(days(3)), now.minus(days(300)));
        token("f-active-2", "fig-holder", "PROD", project, "ACTIVE", now.plus(days(200)), now.minus(days(170)), now.minus(days(200)));
        token("f-active-3", "fig-holder", "PROD", project, "ACTIVE", now.plus(days(89)), null, now.minus(days(160)));
        token("f-suspended", "fig-holder", "PROD", project, "SUSPENDED", now.plus(days(50)), null, now.minus(days(20)));
        token("f-revoked", "fig-holder", "PROD", project, "REVOKED", now.plus(days(5)), null, now.minus(days(20)));
        token("f-expired", "fig-holder", "QA", project, "EXPIRED", now.minus(days(5)), null, now.minus(days(370)));
        token("f-other-project", "fig-holder", "PROD", project + 1, "ACTIVE", now.plus(days(5)), null, now.minus(days(20)));

        String page = WebappSession.loggedIn(app, "ada").get("/dashboard?project=" + project).body();

        assertThat(numbers(row(page, "data-state=\"QA_ACTIVE\""))).containsExactly(1L, 0L, 1L);
        assertThat(numbers(row(page, "data-state=\"ACTIVE\""))).containsExactly(0L, 3L, 3L);
        assertThat(numbers(row(page, "data-state=\"SUSPENDED\""))).containsExactly(0L, 1L, 1L);
        assertThat(numbers(row(page, "data-state=\"REVOKED\""))).containsExactly(0L, 1L, 1L);
        assertThat(numbers(row(page, "data-state=\"EXPIRED\""))).containsExactly(1L, 0L, 1L);
        assertThat(numbers(row(page, "data-state=\"All\""))).containsExactly(2L, 5L, 7L);
        assertThat(figure(page, "data-days=\"30\"")).isEqualTo(1);
        assertThat(figure(page, "data-days=\"60\"")).isEqualTo(3);
        assertThat(figure(page, "data-days=\"90\"")).isEqualTo(4);
        assertThat(figure(page, "id=\"unused-count\"")).as("f-active-2 (used 170 days ago) and f-active-3 (never, issued 160 days ago)")
                .isEqualTo(2);
        assertThat(figure(page, "id=\"suspended-count\"")).isEqualTo(1);
        assertThat(section(page, "id=\"unused\"")).contains("f-active-2").contains("f-active-3").doesNotContain("f-qa-active");
        assertThat(section(page, "id=\"suspended\"")).contains("f-suspended").doesNotContain("f-active");
        assertThat(section(page, "id=\"tokens\"")).doesNotContain("f-other-project");

        String suspendedOnly = WebappSession.loggedIn(app, "ada").get("/dashboard?project=" + project + "&state=suspended&environment=prod").body();
        assertThat(numbers(row(suspendedOnly, "data-state=\"All\""))).containsExactly(0L, 1L, 1L);
    }

    @Test
    void theTokenTableShowsFiftyAtATimeNewestFirstWithLinksKeepingTheFilterWhileFiguresAndCsvCountThemAll() {
        long project = 7201;
        Instant now = Instant.now();
        for (int i = 0; i < 52; i++) {
            token(String.format("p-%02d", i), "page-holder", "PROD", project, "ACTIVE", now.plus(days(200)), null,
                    now.minus(days(100 - i)));
        }
        WebappSession ada = WebappSession.loggedIn(app, "ada");

        String first = ada.get("/dashboard?project=" + project).body();
        String second = ada.get("/dashboard?project=" + project + "&tokenPage=1").body();

        assertThat(section(first, "id=\"tokens\"")).contains("p-51").contains("p-02").doesNotContain("p-01").doesNotContain("p-00");
        assertThat(section(first, "id=\"tokens\"").split("data-token=", -1)).hasSize(51);
        assertThat(first).contains("Tokens 1 to 50 of 52")
                .contains("id=\"next-tokens\" href=\"/dashboard?project=7201&amp;tokenPage=1#tokens\"").doesNotContain("previous-tokens");
        assertThat(numbers(row(first, "data-state=\"All\""))).as("the figures count every token").containsExactly(0L, 52L, 52L);
        assertThat(section(second, "id=\"tokens\"")).contains("p-01").contains("p-00").doesNotContain("p-02");
        assertThat(second).contains("Tokens 51 to 52 of 52")
                .contains("id=\"previous-tokens\" href=\"/dashboard?project=7201&amp;tokenPage=0#tokens\"").doesNotContain("next-tokens");
        assertThat(ada.get("/dashboard/tokens.csv?project=" + project).body().split("\r\n")).as("header and every token").hasSize(53);
        HttpResponse<String> bad = ada.get("/dashboard?tokenPage=-1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("page must be a whole number from 0 to");
    }

    @Test
    void aHoldersFiguresAndListsNeverCountAnotherPersonsTokens() {
        long project = 7301;
        Instant now = Instant.now();
        token("h-bob-expiring", "bob", "PROD", project, "ACTIVE", now.plus(days(10)), null, now.minus(days(200)));
        token("h-bob-suspended", "bob", "QA", project, "SUSPENDED", now.plus(days(100)), null, now.minus(days(20)));
        for (int i = 0; i < 3; i++) {
            token("h-carol-expiring-" + i, "carol", "PROD", project, "ACTIVE", now.plus(days(10)), null, now.minus(days(200)));
            token("h-carol-suspended-" + i, "carol", "QA", project, "SUSPENDED", now.plus(days(100)), null, now.minus(days(20)));
        }

        String bobs = WebappSession.loggedIn(app, "bob").get("/dashboard?project=" + project).body();

        assertThat(numbers(row(bobs, "data-state=\"All\""))).containsExactly(1L, 1L, 2L);
        assertThat(figure(bobs, "data-days=\"30\"")).isEqualTo(1);
        assertThat(figure(bobs, "id=\"unused-count\"")).as("h-bob-expiring: never used, issued 200 days ago").isEqualTo(1);
        assertThat(figure(bobs, "id=\"suspended-count\"")).isEqualTo(1);
        assertThat(bobs).contains("h-bob-expiring").contains("h-bob-suspended").doesNotContain("h-carol");
        String unfiltered = WebappSession.loggedIn(app, "bob").get("/dashboard").body();
        assertThat(numbers(row(unfiltered, "data-state=\"All\"")).get(2)).as("all of bob's tokens, counted from the table")
                .isEqualTo(jdbc.queryForObject("select count(*) from api_token where holder = 'bob'", Long.class));
        assertThat(unfiltered).doesNotContain("h-carol");
        assertThat(numbers(row(WebappSession.loggedIn(app, "ada").get("/dashboard?project=" + project).body(),
                "data-state=\"All\""))).as("ada sees carol's too").containsExactly(4L, 4L, 8L);
    }

    @Test
    void anAdministratorsFiguresEqualACountOfTheWholeRegistryTable() {
        Instant now = Instant.now();
        token("w-expiring", "whole-holder", "QA", 7501, "QA_ACTIVE", now.plus(days(45)), null, now.minus(days(300)));
        token("w-found", "whole-holder", "PROD", 7501, "FOUND", now.plus(days(45)), null, now.minus(days(3)));

        String page = WebappSession.loggedIn(app, "ada").get("/dashboard").body();

        for (String state : List.of("QA_ACTIVE", "ACTIVE", "SUSPENDED", "REVOKED", "EXPIRED", "FOUND", "REVOCATION_PENDING")) {
            assertThat(numbers(row(page, "data-state=\"" + state + "\""))).as(state).containsExactly(
                    count("state = ? and environment = 'QA'", state), count("state = ? and environment = 'PROD'", state),
                    count("state = ?", state));
        }
        assertThat(numbers(row(page, "data-state=\"All\"")).get(2)).isEqualTo(count("1 = ?", 1));
        assertThat(figure(page, "data-days=\"90\"")).isEqualTo(count(
                "state in ('QA_ACTIVE', 'ACTIVE', 'SUSPENDED') and expires_at < ?", Timestamp.from(now.plus(days(90)))));
        assertThat(figure(page, "id=\"suspended-count\"")).isEqualTo(count("state = ?", "SUSPENDED"));
    }

    @Test
    void attentionListsShowTwentyAtATimeWithTheirTotalAndLinksKeepingTheFilter() {
        long project = 7401;
        Instant now = Instant.now();
        for (int i = 0; i < 25; i++) {
            token(String.format("e-%02d", i), "expiring-holder", "PROD", project, "ACTIVE", now.plus(days(1 + i)),
                    now.minus(days(1)), now.minus(days(300)));
        }
        WebappSession ada = WebappSession.loggedIn(app, "ada");

        String first = ada.get("/dashboard?project=" + project).body();
        String second = ada.get("/dashboard?project=" + project + "&expiringPage=1").body();

        assertThat(figure(first, "data-days=\"90\"")).isEqualTo(25);
        assertThat(section(first, "id=\"expiring-soon\"").split("data-token=", -1)).hasSize(21);
        assertThat(section(first, "id=\"expiring-soon\"")).contains("e-00").contains("e-19").doesNotContain("e-20");
        assertThat(first).contains("1 to 20 of 25, soonest first.")
                .contains("id=\"next-expiring-soon\" href=\"/dashboard?project=7401&amp;expiringPage=1#expiring-soon\"")
                .doesNotContain("previous-expiring-soon");
        assertThat(section(second, "id=\"expiring-soon\"")).contains("e-20").contains("e-24").doesNotContain("e-19");
        assertThat(second).contains("21 to 25 of 25, soonest first.")
                .contains("id=\"previous-expiring-soon\" href=\"/dashboard?project=7401&amp;expiringPage=0#expiring-soon\"");
        assertThat(ada.get("/dashboard?unusedPage=x").statusCode()).isEqualTo(400);
    }

    @Test
    void theCsvExportIsRfc4180WithFormulasNeutralised() {
        long project = 7101;
        Instant issued = Instant.parse("2026-01-05T10:00:00Z");
        token("c-formula", "=HYPERLINK(\"http://evil.example\",\"x\")", "PROD", project, "REVOKED",
                Instant.parse("2027-01-05T10:00:00Z"), null, issued);

        HttpResponse<String> csv = WebappSession.loggedIn(app, "ada").get("/dashboard/tokens.csv?project=" + project);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).matches("attachment; filename=\"tokens-\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        assertThat(csv.body()).isEqualTo(TokenCsv.HEADER + "\r\n"
                + "c-formula,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",PROD,7101,REVOKED,true,false,false,"
                + "2026-01-05T10:00:00Z,2027-01-05T10:00:00Z,,,,\r\n");
        assertThat(WebappSession.loggedIn(app, "ada").get("/dashboard?project=" + project).body())
                .contains("href=\"/dashboard/tokens.csv?project=7101\"");
    }

    @Test
    void badFilterValuesGiveAClearMessageNeverAServerError() {
        WebappSession ada = WebappSession.loggedIn(app, "ada");

        HttpResponse<String> page = ada.get("/dashboard?state=LOST");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("class=\"error\"").contains("state must be one of [QA_ACTIVE, ACTIVE, SUSPENDED, REVOKED, EXPIRED, FOUND, REVOCATION_PENDING], not &quot;LOST&quot;.")
                .contains("value=\"\"").doesNotContain("id=\"tokens\"");
        HttpResponse<String> script = ada.get("/dashboard?project=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("project must be a REDCap project id").doesNotContain("<script>");

        HttpResponse<String> csv = ada.get("/dashboard/tokens.csv?project=abc");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(csv.body()).isEqualTo("project must be a REDCap project id (a positive whole number), not \"abc\".\n");
        assertThat(ada.get("/dashboard/tokens.csv?environment=TEST").statusCode()).isEqualTo(400);
        assertThat(ada.get("/dashboard/tokens.csv?holder=a%20b").statusCode()).isEqualTo(400);
    }

    @Test
    void administratorsSeeOffboardingsWithTheirTimeToRevokeAndRequestersDoNot() {
        Instant received = Instant.now().minus(days(2));
        String event = UUID.randomUUID().toString();
        jdbc.update("""
                insert into offboarding_event (id, username, source, reason, received_at, event_type, effective_at, outcome)
                values (?, 'leaver-dash', 'hr-webhook', 'Contract ended', ?, 'person.terminated', ?, 'COMPLETED')""",
                event, Timestamp.from(received), Timestamp.from(received));
        jdbc.update("insert into offboarding_revocation (event_id, token_id, environment, project_id, revoked_at) values (?, ?, 'PROD', 101, ?)",
                event, "tok-dash", Timestamp.from(received.plusSeconds(150)));

        String adminPage = WebappSession.loggedIn(app, "ada").get("/dashboard").body();
        assertThat(row(adminPage, "data-offboarding=\"" + event + "\"")).contains("leaver-dash").contains("2 min");
        assertThat(adminPage).contains("Offboardings by time to full revocation").contains("<title>1-5 min: 1</title>");
        assertThat(WebappSession.loggedIn(app, "alice").get("/dashboard").body()).doesNotContain("leaver-dash")
                .doesNotContain("Offboardings by time to full revocation").contains("Token requests per month");
    }

    private void token(String id, String holder, String environment, long project, String state, Instant expiresAt,
            Instant lastUsedAt, Instant issuedAt) {
        jdbc.update("""
                insert into api_token (id, request_id, holder, environment, project_id, right_export, right_import, right_mobile_app,
                    state, issued_at, expires_at, last_used_at, fingerprint, revoked_at, revocation_reason, version)
                values (?, null, ?, ?, ?, true, false, false, ?, ?, ?, ?, null, null, null, 0)""",
                id, holder, environment, project, state, Timestamp.from(issuedAt), Timestamp.from(expiresAt),
                lastUsedAt == null ? null : Timestamp.from(lastUsedAt));
    }

    private long count(String condition, Object value) {
        return jdbc.queryForObject("select count(*) from api_token where " + condition, Long.class, value);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }

    /** The table row (or list item) whose opening tag carries the marker. */
    static String row(String html, String marker) {
        Matcher row = Pattern.compile("<(tr|li)[^>]*" + Pattern.quote(marker) + "[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("an element with " + marker).isTrue();
        return row.group(2);
    }

    static String section(String html, String marker) {
        Matcher table = Pattern.compile("<table[^>]*" + Pattern.quote(marker) + "[^>]*>(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertThat(table.find()).as("a table with " + marker).isTrue();
        return table.group(1);
    }

    private static List<Long> numbers(String row) {
        Matcher cell = Pattern.compile("<t[dh] class=\"num\">(\\d+)</t[dh]>").matcher(row);
        List<Long> numbers = new ArrayList<>();
        while (cell.find()) {
            numbers.add(Long.parseLong(cell.group(1)));
        }
        return numbers;
    }

    static long figure(String html, String marker) {
        Matcher figure = Pattern.compile("<span class=\"figure\">(\\d+)</span>").matcher(row(html, marker));
        assertThat(figure.find()).isTrue();
        return Long.parseLong(figure.group(1));
    }
}
