package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.dashboard.DashboardIT.figure;
import static org.tokengov.dashboard.DashboardIT.row;
import static org.tokengov.dashboard.DashboardIT.section;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.RealServers;

/**
 * The dashboard's fair-use section over real HTTP on PostgreSQL, with usage counts, findings and misuse cases written
 * into their tables as the log reader, the rules and the case process would. Each test uses projects of its own and
 * filters the page to them, so the other dashboard tests' tokens (same context, same database) change nothing here.
 * REDCap's time zone is the embedded default's (America/New_York); the peak hours are the settings' defaults (Monday
 * to Friday, 08:00 to 18:00).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = DashboardIT.OwnServers.class)
class FairUseDashboardIT {

    static final ZoneId REDCAP_ZONE = ZoneId.of("America/New_York");

    @Autowired ConfigurableApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    String app;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
    }

    @Test
    void administratorsSeeEveryonesTopUsageAndAHolderOnlyTheirOwn() {
        long project = 7601;
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(30));
        usage("alice", project, hour, 2_000, 50, 3, 1);
        usage("carol-fu", project, hour, 500, 0, 0, 0);
        usage("carol-fu", project, Instant.now().minus(Duration.ofDays(9)), 90_000, 0, 0, 0);

        String adminPage = WebappSession.loggedIn(app, "ada").get("/dashboard?project=" + project).body();
        String top = section(adminPage, "id=\"top-users\"");
        assertThat(top).contains("<caption>").contains("<th scope=\"col\">User</th>");
        assertThat(row(adminPage, "data-user=\"alice\"")).contains("<th scope=\"row\">alice</th>")
                .contains(">2,000<").contains(">50<").contains(">3<").contains(">1<");
        assertThat(row(adminPage, "data-user=\"carol-fu\"")).as("calls older than 7 days are not counted")
                .contains(">500<").doesNotContain("90,");
        assertThat(top.indexOf("alice")).as("busiest first").isLessThan(top.indexOf("carol-fu"));

        String alicesPage = WebappSession.loggedIn(app, "alice").get("/dashboard?project=" + project).body();
        assertThat(section(alicesPage, "id=\"top-users\"")).contains("alice").doesNotContain("carol-fu");
        assertThat(WebappSession.loggedIn(app, "alice").get("/dashboard").body()).doesNotContain("carol-fu");
        HttpResponse<String> asked = WebappSession.loggedIn(app, "alice").get("/dashboard?holder=carol-fu");
        assertThat(asked.statusCode()).isEqualTo(400);
        assertThat(asked.body()).doesNotContain("data-user=\"carol-fu\"");
    }

    @Test
    void theHeatMapShadesPeakHoursInREDCapsTimeAndReadsAsText() {
        long project = 7602;
        Instant mondayTen = latest(DayOfWeek.MONDAY, 10);
        usage("alice", project, mondayTen, 100, 0, 0, 0);
        usage("alice", project, latest(DayOfWeek.SATURDAY, 10), 10, 0, 0, 0);
        usage("carol-fu", project, latest(DayOfWeek.SUNDAY, 3), 40, 0, 0, 0);

        String page = WebappSession.loggedIn(app, "ada").get("/dashboard?project=" + project).body();

        assertThat(page).contains("<span id=\"redcap-zone\">America/New_York</span>")
                .contains("Monday, Tuesday, Wednesday, Thursday, Friday, 08:00 to 18:00");
        String monday = row(page, "data-day=\"Monday\"");
        assertThat(monday).startsWith("\n          <th scope=\"row\">Monday</th>");
        assertThat(cellClass(monday, 10)).isEqualTo("heat shade-4 peak");
        assertThat(monday).contains("Monday 10:00 to 11:00: 100 calls, peak hours");
        assertThat(cellClass(monday, 7)).as("before the peak hours, no calls").isEqualTo("heat shade-0");
        assertThat(cellClass(monday, 8)).as("peak hours are marked without calls too").isEqualTo("heat shade-0 peak");
        String saturday = row(page, "data-day=\"Saturday\"");
        assertThat(cellClass(saturday, 10)).isEqualTo("heat shade-1");
        assertThat(saturday).contains("Saturday 10:00 to 11:00: 10 calls<");
        assertThat(cellClass(row(page, "data-day=\"Sunday\""), 3)).isEqualTo("heat shade-2");

        String alices = WebappSession.loggedIn(app, "alice").get("/dashboard?project=" + project).body();
        assertThat(cellClass(row(alices, "data-day=\"Sunday\""), 3)).as("carol's calls are not alice's to see")
                .isEqualTo("heat shade-0");
        assertThat(cellClass(row(alices, "data-day=\"Monday\""), 10)).isEqualTo("heat shade-4 peak");
    }

    @Test
    void openFindingsAndCasesGoToAdministratorsAndTheirHoldersButSuspicionsOnlyToAdministrators() {
        long project = 7603;
        Instant now = Instant.now();
        String aliceCase = fairUseCase("alice", project, "POLLING", true, now.plus(Duration.ofDays(14)));
        String carolCase = fairUseCase("carol-fu", project, "PEAK_HOUR_BULK_EXPORT", true, now.minus(Duration.ofDays(1)));
        String closedCase = fairUseCase("alice", project, "POLLING", false, now.minus(Duration.ofDays(3)));
        String alicePolling = finding("alice", project, "POLLING", "CONFIRMED", aliceCase, "Polled every 2 seconds for 45 minutes");
        String aliceSuspected = finding("alice", project, "REPEATED_FULL_EXPORT", "SUSPECTED", null, "Record exports on 3 days");
        String carolBulk = finding("carol-fu", project, "PEAK_HOUR_BULK_EXPORT", "CONFIRMED", carolCase, "80 record exports");
        String settled = finding("alice", project, "POLLING", "CONFIRMED", closedCase, "Polled every 3 seconds");

        String adminPage = WebappSession.loggedIn(app, "ada").get("/dashboard?project=" + project).body();
        String findings = section(adminPage, "id=\"open-findings\"");
        assertThat(findings).contains(alicePolling).contains(aliceSuspected).contains(carolBulk).doesNotContain(settled)
                .contains("<caption>");
        assertThat(row(adminPage, "data-finding=\"" + alicePolling + "\"")).contains("Polling (calls every few seconds)")
                .contains("Confirmed").contains("Polled every 2 seconds for 45 minutes").doesNotContain(">POLLING<");
        assertThat(row(adminPage, "data-finding=\"" + aliceSuspected + "\"")).contains("Repeated full exports")
                .contains("Suspected");
        String cases = section(adminPage, "id=\"open-cases\"");
        assertThat(cases).contains(aliceCase).contains(carolCase).doesNotContain(closedCase);
        assertThat(cases.indexOf(carolCase)).as("soonest deadline first").isLessThan(cases.indexOf(aliceCase));
        assertThat(figure(adminPage, "id=\"open-findings-count\"")).isEqualTo(3);
        assertThat(figure(adminPage, "id=\"open-cases-count\"")).isEqualTo(2);
        assertThat(row(adminPage, "data-case=\"" + carolCase + "\"")).contains("Bulk downloads in peak hours")
                .contains("overdue").contains("carol-fu").contains("<td>Open</td>");

        String alicesPage = WebappSession.loggedIn(app, "alice").get("/dashboard?project=" + project).body();
        assertThat(section(alicesPage, "id=\"open-findings\"")).contains(alicePolling).doesNotContain(aliceSuspected)
                .doesNotContain(carolBulk).doesNotContain(settled);
        assertThat(section(alicesPage, "id=\"open-cases\"")).contains(aliceCase).doesNotContain(carolCase);
        assertThat(row(alicesPage, "data-case=\"" + aliceCase + "\"")).contains("in 13 d");
        assertThat(figure(alicesPage, "id=\"open-findings-count\"")).isEqualTo(1);
        assertThat(figure(alicesPage, "id=\"open-cases-count\"")).isEqualTo(1);
        assertThat(WebappSession.loggedIn(app, "alice").get("/dashboard").body()).doesNotContain(carolBulk)
                .doesNotContain(carolCase).doesNotContain(aliceSuspected);
    }

    @Test
    void eachLiveTokenShowsItsDeclaredUseNextToWhatItDidAndFlagsFarMore() {
        long project = 7604;
        Instant now = Instant.now();
        String alicesToken = token("alice", project, request("alice", project, 4, "Nightly at 02:00"), "ACTIVE", now.minus(Duration.ofDays(60)));
        String carolsToken = token("carol-fu", project, request("carol-fu", project, 1_000, "Hourly"), "ACTIVE", now.minus(Duration.ofDays(60)));
        String revoked = token("alice", project, null, "REVOKED", now.minus(Duration.ofDays(90)));
        Instant noonTwoDaysAgo = ZonedDateTime.now(REDCAP_ZONE).minusDays(2).withHour(12).truncatedTo(ChronoUnit.HOURS).toInstant();
        usage("alice", project, noonTwoDaysAgo, 1_500, 0, 0, 0);
        usage("alice", project, noonTwoDaysAgo.plus(Duration.ofHours(1)), 500, 0, 0, 0);
        usage("carol-fu", project, noonTwoDaysAgo, 300, 0, 0, 0);

        String adminPage = WebappSession.loggedIn(app, "ada").get("/dashboard?project=" + project).body();
        String alices = row(adminPage, "data-token=\"" + alicesToken + "\" data-use=\"far-above\"");
        assertThat(alices).contains("Far above declared").contains("Nightly at 02:00").contains(">4<")
                .contains("(2,000 calls)").contains("Busiest day 2,000 calls: more than 10 times the 4 declared.")
                .contains("<td class=\"num\">67</td>").as("2,000 calls in 30 days");
        assertThat(row(adminPage, "data-token=\"" + carolsToken + "\" data-use=\"within\"")).contains("Within declared")
                .contains(">1,000<").contains("(300 calls)");
        assertThat(section(adminPage, "id=\"declared-use\"")).doesNotContain(revoked).contains("<caption>");

        String alicesPage = WebappSession.loggedIn(app, "alice").get("/dashboard?project=" + project).body();
        assertThat(section(alicesPage, "id=\"declared-use\"")).contains(alicesToken).contains("Far above declared")
                .doesNotContain(carolsToken);
    }

    @Test
    void withNothingToShowEachPartSaysSo() {
        String empty = WebappSession.loggedIn(app, "ada").get("/dashboard?project=7699").body();
        assertThat(empty).contains("No API calls in the last 7 days.").contains("No API calls in the last 28 days.")
                .contains("No open fair-use findings in the last 30 days.").contains("No open misuse cases.")
                .contains("No live tokens.").doesNotContain("id=\"top-users\"").doesNotContain("id=\"open-findings\"")
                .doesNotContain("id=\"declared-use\"").doesNotContain("shade-1").contains("id=\"calls-by-hour\"");

        String sams = WebappSession.loggedIn(app, "sam").get("/dashboard").body();
        assertThat(sams).contains("No API calls in the last 7 days.").contains("No open misuse cases.")
                .contains("No live tokens.").doesNotContain("data-user=").doesNotContain("data-finding=");
    }

    /** The class of the hour's cell in a heat-map row. */
    private static String cellClass(String row, int hour) {
        Matcher cell = Pattern.compile("<td[^>]*data-hour=\"" + hour + "\"[^>]*>").matcher(row);
        assertThat(cell.find()).as("the cell of hour " + hour + " in " + row).isTrue();
        Matcher css = Pattern.compile("class=\"([^\"]*)\"").matcher(cell.group());
        assertThat(css.find()).isTrue();
        return css.group(1);
    }

    /** The latest start of that hour on that weekday in REDCap's time that lies an hour or more in the past. */
    private static Instant latest(DayOfWeek day, int hour) {
        ZonedDateTime at = ZonedDateTime.now(REDCAP_ZONE).truncatedTo(ChronoUnit.HOURS).minusHours(1);
        while (at.getDayOfWeek() != day || at.getHour() != hour) {
            at = at.minusHours(1);
        }
        return at.toInstant();
    }

    private void usage(String username, long project, Instant hour, long calls, long recordExports, long fileDownloads,
            long imports) {
        Instant start = hour.truncatedTo(ChronoUnit.HOURS);
        jdbc.update("""
                insert into api_usage_hour (environment, project_id, username, hour_start, calls, record_exports, other_exports,
                    imports, file_downloads, busiest_minute_calls, busiest_minute_at)
                values ('PROD', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""",
                project, username, Timestamp.from(start), calls, recordExports, imports, fileDownloads, Math.min(calls, 60),
                Timestamp.from(start));
    }

    private String finding(String holder, long project, String rule, String certainty, String caseId, String observed) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        jdbc.update("""
                insert into fair_use_finding (id, rule, certainty, severe, token_id, holder, environment, project_id,
                    window_start, window_end, observed, found_at, case_id)
                values (?, ?, ?, false, ?, ?, 'PROD', ?, ?, ?, ?, ?, ?)""",
                id, rule, certainty, "tok-" + holder, holder, project, Timestamp.from(now.minus(Duration.ofHours(2))),
                Timestamp.from(now.minus(Duration.ofHours(1))), observed, Timestamp.from(now.minus(Duration.ofMinutes(30))),
                caseId);
        return id;
    }

    private String fairUseCase(String holder, long project, String rule, boolean open, Instant deadline) {
        String id = UUID.randomUUID().toString();
        String tokenId = "tok-" + holder;
        Instant opened = deadline.minus(Duration.ofDays(14));
        jdbc.update("""
                insert into fair_use_case (id, token_id, rule, holder, environment, project_id, opened_at, deadline, state,
                    open_key, closed_at)
                values (?, ?, ?, ?, 'PROD', ?, ?, ?, ?, ?, ?)""",
                id, tokenId, rule, holder, project, Timestamp.from(opened), Timestamp.from(deadline),
                open ? "OPEN" : "FIXED", open ? id + ":" + rule : null, open ? null : Timestamp.from(deadline));
        return id;
    }

    /** The request as the ledger records a submission: the declared use is read from here, never from variables. */
    private String request(String requester, long project, long expectedCallsPerDay, String schedule) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into token_request (id, request_number, requester, production_project_id, qa_project_id, right_export,
                    right_import, right_mobile_app, intended_use, usage_description, call_schedule, expected_calls_per_day,
                    fair_use_accepted, backfilled, status, submitted_at, version)
                values (?, ?, ?, ?, ?, true, false, false, 'SCHEDULED_EXPORT', 'Exports for the study', ?, ?, true, false,
                    'APPROVED', ?, 0)""",
                id, "FU-" + id.substring(0, 8), requester, project, project + 100, schedule, expectedCallsPerDay,
                Timestamp.from(Instant.now().minus(Duration.ofDays(70))));
        return id;
    }

    private String token(String holder, long project, String requestId, String state, Instant issuedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into api_token (id, request_id, holder, environment, project_id, right_export, right_import, right_mobile_app,
                    state, issued_at, expires_at, last_used_at, fingerprint, revoked_at, revocation_reason, version)
                values (?, ?, ?, 'PROD', ?, true, false, false, ?, ?, ?, null, null, null, null, 0)""",
                id, requestId, holder, project, state, Timestamp.from(issuedAt),
                Timestamp.from(issuedAt.plus(Duration.ofDays(365))));
        return id;
    }
}
