package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;

/**
 * Benchmark, not a test (skipped by {@code ./mvnw verify}). Six years of history on a fresh PostgreSQL database, then
 * the pages people open every day, timed over real HTTP, and Camunda's history cleanup on it.
 * <p>
 * History is made the fast way: a few cases of each kind run through the engine and the app (requests issued,
 * rejected in code review, found ineligible, timed out in QA; an offboarding that ends a token's lifecycle), then their
 * rows are copied by SQL ({@code insert ... select} over {@code generate_series}): Camunda's {@code ACT_HI_*} tables and
 * history byte arrays, and the app's {@code token_request}, {@code api_token}, {@code audit_event}, {@code ledger_entry},
 * {@code offboarding_event} and {@code offboarding_revocation}. Each copy gets new ids (the same new id in every table,
 * so the copies hang together) and its times moved back into the past, spread evenly over {@code -Dbench.years}
 * (default 7: the six years of retention plus one year past the processes' historyTimeToLive P2190D, which Camunda's
 * removal-time-based cleanup must remove). Removal times move with the end times, as Camunda sets them. Open requests
 * waiting in QA, in code review and for an administrator's approval run through the engine for real, so Tasklist has
 * live tasks for people and groups.
 *
 * <pre>./mvnw -o test -Dtest=SixYearsOfHistoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbench.requests=50000] [-Dbench.tokens=20000] [-Dbench.offboardings=5000] [-Dbench.open=300] [-Dbench.calls=50]</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = SixYearsOfHistoryBenchmark.Servers.class)
class SixYearsOfHistoryBenchmark {

    static final int REQUESTS = Integer.getInteger("bench.requests", 50_000);
    static final int TOKENS = Integer.getInteger("bench.tokens", 20_000);
    static final int OFFBOARDINGS = Integer.getInteger("bench.offboardings", 5_000);
    static final int OPEN = Integer.getInteger("bench.open", 300);
    static final int CALLS = Integer.getInteger("bench.calls", 50);
    static final int WARM_UP = 5;
    static final int YEARS = Integer.getInteger("bench.years", 7);
    static final int CLEANUP_MINUTES = Integer.getInteger("bench.cleanupMinutes", 3);
    static final long RETENTION_DAYS = 2190;
    static final String SECRET = "hr-" + UUID.randomUUID();

    static class Servers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.hr.webhook-secret=" + SECRET).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HistoryService historyService;
    @Autowired TokenLifecycles lifecycles;
    @Autowired JdbcTemplate jdbc;

    PipelineDriver people;
    String app;

    @Test
    void sixYearsOfHistory() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        people = new PipelineDriver(runtime, tasks, identity, management);

        // First: once alice and bob hold a live production token (the issued templates), their requests are ineligible.
        long start = System.nanoTime();
        openRequests();
        double open = seconds(start);
        start = System.nanoTime();
        runTemplateCases();
        double templates = seconds(start);
        start = System.nanoTime();
        Map<String, Long> copied = copyIntoSixYears();
        double copying = seconds(start);
        jdbc.execute("analyze");

        System.out.printf("%n=== SixYearsOfHistoryBenchmark (PostgreSQL, one node, %d years of history) ===%n", YEARS);
        System.out.printf("template cases through the engine: %.1f s; copies by SQL: %.1f s; %d open requests through the engine: %.1f s%n",
                templates, copying, OPEN, open);
        copied.forEach((table, rows) -> System.out.printf("  %-28s %,12d rows%n", table, rows));
        System.out.printf("  open user tasks: %d; token requests: %,d; tokens: %,d; offboardings: %,d; audit entries: %,d%n",
                count("act_ru_task"), count("token_request"), count("api_token"), count("offboarding_event"), count("audit_event"));

        measurePages();
        measureCleanup();
    }

    // ---------------------------------------------------------------- the template cases, through the engine

    private void runTemplateCases() {
        // Timed out in QA: submitted 200 days ago, the QA deadline passed since.
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(200))));
        try {
            people.requestUntilQaToken("alice");
            people.requestUntilQaToken("bob");
        } finally {
            ClockUtil.reset();
        }
        runDueDeadlines();

        for (String requester : List.of("alice", "bob")) {
            ProcessInstance rejected = people.requestUntilQaToken(requester);
            testedInQa(requester, rejected);
            review(rejected, "REJECTED", "It exports every record every minute.");

            ProcessInstance issued = people.requestUntilQaToken(requester);
            testedInQa(requester, issued);
            review(issued, "APPROVED", "Good.");
            people.complete("ada", List.of("redcap-admins"), task(issued), Map.of("adminDecision", "APPROVED", "adminComments", "Fine."));
            Jobs.runDue(management);
        }
        // Ineligible: nobody the identity store knows.
        people.submitRequest("ghost");
        Jobs.runDue(management);

        // An offboarding that revokes a token and ends its lifecycle.
        IssuedTokens issued = new IssuedTokens(context);
        lifecycles.enrol(issued.issue("carol", RedcapEnvironment.PROD, 101));
        lifecycles.enrol(issued.issue("carol", RedcapEnvironment.QA, 201));
        HttpResponse<String> accepted = new HrWebhookClient(app, SECRET)
                .deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, "carol", null, Instant.now()));
        assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 299);
        Jobs.runDue(management);
        System.out.printf("template requests by status: %s%n", jdbc.queryForList(
                "select status, count(*) as n from token_request group by status order by status"));
    }

    /** Due deadlines and reminders together: a deadline that fires removes its step's reminder jobs from the list. */
    private void runDueDeadlines() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                if (management.createJobQuery().jobId(job.getId()).count() == 1) {
                    management.executeJob(job.getId());
                }
            }
        }
    }

    private void openRequests() {
        for (int i = 0; i < OPEN; i++) {
            String requester = i % 2 == 0 ? "alice" : "bob";
            ProcessInstance request = people.requestUntilQaToken(requester);
            if (i % 3 >= 1) {
                testedInQa(requester, request);
            }
            if (i % 3 == 2) {
                review(request, "APPROVED", "Good.");
            }
        }
    }

    private void testedInQa(String requester, ProcessInstance request) {
        people.complete(requester, List.of("api-requesters"), task(request), Map.of(
                "codeRepositoryUrl", "https://git.example.org/lab/sync", "codeCommit", "9c1e2d7",
                "testSummary", "Ran the export nightly in QA for a week with a date filter."));
        Jobs.runDue(management);
    }

    private void review(ProcessInstance request, String outcome, String comments) {
        Map<String, Object> review = new java.util.HashMap<>(Map.of("codeReviewOutcome", outcome, "codeReviewComments", comments));
        review.putAll(CodeReviews.CHECKLIST_TICKED);
        people.complete("sam", List.of("api-specialists"), task(request), review);
        Jobs.runDue(management);
    }

    private Task task(ProcessInstance request) {
        return tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
    }

    // ---------------------------------------------------------------- copies by SQL

    /**
     * bench_key: every finished root instance and every app record of a template case, with how many copies it gets
     * and its rank (which staggers the copies of different templates by hours, so no two share a time).
     */
    private Map<String, Long> copyIntoSixYears() {
        jdbc.execute("""
                create or replace function bench_id(v varchar, g int) returns varchar language sql immutable as
                $$ select case when v is null then null else cast(cast(md5(v || ':' || g) as uuid) as varchar) end $$""");
        jdbc.execute("""
                create or replace function bench_person(v varchar, g int) returns varchar language sql immutable as
                $$ select case when v is null or v in ('ada', 'sam', 'rita', 'pat', 'system') or g % 1000 = 0 then v
                               else 'person' || (g % 3000) end $$""");
        jdbc.execute("create table bench_key (key varchar(64) primary key, copies int not null, rank int not null)");
        double perYear = 1.0 * YEARS / (YEARS - 1);
        // Each offboarding template revokes two tokens; each issued request makes two (QA and PROD).
        int issuedRequests = Math.max(TOKENS - 2 * OFFBOARDINGS, 0) / 2;
        Map<String, Integer> requestShares = Map.of("APPROVED", issuedRequests, "REJECTED", REQUESTS * 20 / 100,
                "INELIGIBLE", REQUESTS * 15 / 100, "TIMED_OUT", REQUESTS - issuedRequests - REQUESTS * 35 / 100);
        requestShares.forEach((status, target) -> {
            // Finished requests only: the open ones stay as they are.
            List<String> ids = jdbc.queryForList("select r.id from token_request r join act_hi_procinst p on p.id_ = r.id"
                    + " where r.status = ? and p.end_time_ is not null", String.class, status);
            ids.forEach(id -> key(id, (int) Math.round(target * perYear / ids.size())));
        });
        List<String> offboardings = jdbc.queryForList(
                "select id_ from act_hi_procinst where proc_def_key_ = 'OffboardingProcess' and end_time_ is not null", String.class);
        offboardings.forEach(id -> key(id, (int) Math.round(OFFBOARDINGS * perYear / offboardings.size())));
        // The app's records follow their request or offboarding; a token's finished lifecycle (business key: the token)
        // follows its token.
        jdbc.update("""
                insert into bench_key (key, copies, rank)
                select e.id, k.copies, k.rank from offboarding_event e join act_hi_procinst p on p.business_key_ = e.id
                join bench_key k on k.key = p.id_ on conflict do nothing""");
        jdbc.update("""
                insert into bench_key (key, copies, rank)
                select t.id, k.copies, k.rank from api_token t join bench_key k on k.key = t.request_id on conflict do nothing""");
        jdbc.update("""
                insert into bench_key (key, copies, rank)
                select r.token_id, k.copies, k.rank from offboarding_revocation r join bench_key k on k.key = r.event_id
                on conflict do nothing""");
        jdbc.update("""
                insert into bench_key (key, copies, rank)
                select p.id_, k.copies, k.rank from act_hi_procinst p join bench_key k on k.key = p.business_key_
                where p.proc_def_key_ = 'TokenLifecycleProcess' and p.end_time_ is not null on conflict do nothing""");
        System.out.printf("templates: %s%n", jdbc.queryForList("select count(*) as keys, sum(copies) as copies from bench_key"));

        String shift = "make_interval(secs => ((g - 0.5) * " + YEARS * 365L * 86400 + " / k.copies) + k.rank * 3607)";
        Map<String, Long> copied = new LinkedHashMap<>();
        List<String> engineTables = jdbc.queryForList("""
                select table_name from information_schema.columns where table_schema = current_schema()
                and column_name = 'root_proc_inst_id_' and (table_name like 'act_hi_%' or table_name = 'act_ge_bytearray')
                order by table_name""", String.class);
        for (String table : engineTables) {
            // Only rows of finished instances: Camunda gives them their removal time when the root instance ends.
            copied.put(table, copy(table, "t.root_proc_inst_id_", shift, "t.removal_time_ is not null"));
        }
        copied.put("token_request", copy("token_request", "t.id", shift, "true"));
        copied.put("api_token", copy("api_token", "t.id", shift, "true"));
        copied.put("audit_event", copy("audit_event", "coalesce(t.request_id, t.token_id)", shift, "true"));
        copied.put("ledger_entry", copy("ledger_entry", "t.case_id", shift, "true"));
        copied.put("offboarding_event", copy("offboarding_event", "t.id", shift, "true"));
        copied.put("offboarding_revocation", copy("offboarding_revocation", "t.event_id", shift, "true"));
        return copied;
    }

    private void key(String key, int copies) {
        jdbc.update("insert into bench_key (key, copies, rank) values (?, ?, (select count(*) from bench_key)) on conflict do nothing",
                key, Math.max(copies, 1));
    }

    /** Copies the table's rows whose key is a template; returns the rows added. */
    private long copy(String table, String keyColumn, String shift, String finished) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select column_name, data_type, is_identity from information_schema.columns
                where table_schema = current_schema() and table_name = ? order by ordinal_position""", table);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String name = (String) column.get("column_name");
            String type = (String) column.get("data_type");
            if ("YES".equals(column.get("is_identity"))) {
                continue;
            }
            names.add(name);
            values.add(value(table, name, type, shift));
        }
        long before = count(table);
        jdbc.update("insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
                + " from " + table + " t join bench_key k on k.key = " + keyColumn
                + " cross join lateral generate_series(1, k.copies) g where " + finished);
        return count(table) - before;
    }

    private static final List<String> ENGINE_IDS = List.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
            "act_inst_id_", "parent_act_inst_id_", "task_id_", "call_proc_inst_id_", "super_process_instance_id_",
            "bytearray_id_", "var_inst_id_", "parent_task_id_", "job_id_", "cause_incident_id_", "root_cause_incident_id_",
            "operation_id_", "job_exception_stack_id_", "ext_task_id_", "error_details_id_", "business_key_");
    private static final List<String> APP_IDS = List.of("id", "request_id", "token_id", "event_id", "case_id", "entry_uid");
    private static final List<String> PEOPLE = List.of("requester", "holder", "actor", "username", "subject");

    private static String value(String table, String name, String type, String shift) {
        String column = "t." + name;
        if (type.startsWith("timestamp")) {
            return column + " - " + shift;
        }
        if (ENGINE_IDS.contains(name) && table.startsWith("act_")) {
            return "bench_id(" + column + ", g)";
        }
        if (APP_IDS.contains(name) && !table.startsWith("act_") && type.startsWith("character")) {
            return "bench_id(" + column + ", g)";
        }
        if (PEOPLE.contains(name)) {
            return "bench_person(" + column + ", g)";
        }
        if (name.equals("request_number")) {
            return "'REQ-' || to_char(t.submitted_at - " + shift + ", 'YYYY') || '-' || lpad(cast(g as varchar), 6, '0') || '-' || k.rank";
        }
        if (name.equals("fingerprint") || name.equals("mac")) {
            return "case when " + column + " is null then null else md5(" + column + " || g) || md5(g || " + column + ") end";
        }
        if (table.equals("api_token") && name.equals("state")) {
            return "case when t.state in ('ACTIVE', 'QA_ACTIVE') and t.expires_at - " + shift + " < now() then 'EXPIRED' else t.state end";
        }
        return column;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    // ---------------------------------------------------------------- the pages, over HTTP

    private void measurePages() {
        Browser ada = Browser.loggedIn(app, "ada");
        Browser alice = Browser.loggedIn(app, "alice");
        Browser bob = Browser.loggedIn(app, "bob");
        System.out.printf("%nover HTTP, one caller at a time, %d calls each after %d warm-up calls (ms):%n", CALLS, WARM_UP);
        System.out.printf("  %-62s %8s %8s %8s %8s%n", "call", "p50", "p95", "max", "bytes");
        for (Browser person : List.of(ada, alice)) {
            String filters = "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true";
            time("Tasklist filters with counts, " + person.username, () -> person.get(filters));
            JsonNode list = EngineRest.json(person.get("/camunda/api/engine/engine/default/filter?resourceType=Task"));
            for (JsonNode filter : list) {
                String path = "/camunda/api/engine/engine/default/filter/" + filter.get("id").asText() + "/list?firstResult=0&maxResults=15";
                time("Tasklist list '" + filter.get("name").asText() + "', " + person.username,
                        () -> person.post(path, "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
                                + "\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"active\":true}"));
            }
        }
        time("/dashboard, ada (administrator)", () -> ada.get("/dashboard"));
        time("/dashboard, bob (holder)", () -> bob.get("/dashboard"));
        time("/api/requests, ada (administrator)", () -> ada.getWithBasic("/api/requests"));
        time("/api/requests, alice (requester)", () -> alice.getWithBasic("/api/requests"));
    }

    private void time(String what, Supplier<HttpResponse<String>> call) {
        HttpResponse<String> first = call.get();
        assertThat(first.statusCode()).as(what + ": " + first.body()).isEqualTo(200);
        for (int i = 1; i < WARM_UP; i++) {
            call.get();
        }
        long[] millis = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        System.out.printf("  %-62s %8d %8d %8d %8d%n", what, millis[CALLS / 2], millis[(int) Math.ceil(CALLS * 0.95) - 1],
                millis[CALLS - 1], first.body().length());
    }

    // ---------------------------------------------------------------- history cleanup

    private void measureCleanup() {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.columns where table_schema = current_schema()
                and column_name = 'removal_time_' and (table_name like 'act_hi_%' or table_name = 'act_ge_bytearray')
                order by table_name""", String.class);
        long due = removable(tables, "removal_time_ <= now()");
        long lastYear = removable(tables, "removal_time_ > now() + interval '" + (RETENTION_DAYS - 365) + " days'");
        long audit = count("audit_event");
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(CLEANUP_MINUTES).toNanos();
        int runs = 0;
        long left = due;
        while (left > 0 && System.nanoTime() < deadline) {
            Job job = historyService.cleanUpHistoryAsync(true);
            management.executeJob(job.getId());
            runs++;
            if (runs % 20 == 0) {
                left = removable(tables, "removal_time_ <= now()");
            }
        }
        left = removable(tables, "removal_time_ <= now()");
        double minutes = seconds(start) / 60;
        System.out.printf("%nhistory cleanup (removal-time based, defaults: batch size 500, degree of parallelism 1, run back to back):%n");
        System.out.printf("  rows past the TTL before: %,d; after %.1f min (%d job runs): %,d left; removed %,.0f rows a minute%n",
                due, minutes, runs, left, (due - left) / minutes);
        System.out.printf("  rows a year of history adds (removal time in the last year's window): %,d, i.e. %,.1f minutes of cleanup a year%n",
                lastYear, lastYear / Math.max(1, (due - left) / minutes));
        System.out.printf("  audit_event rows: %,d before, %,d after%n", audit, count("audit_event"));
        assertThat(count("audit_event")).isEqualTo(audit);
        assertThat(left).isLessThan(due);
    }

    private long removable(List<String> tables, String condition) {
        long rows = 0;
        for (String table : tables) {
            rows += jdbc.queryForObject("select count(*) from " + table + " where " + condition, Long.class);
        }
        return rows;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A person in a browser, logged in as Tasklist's login page does it (session cookie and Camunda's CSRF token). */
    static final class Browser {

        private final String app;
        private final String username;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http;

        private Browser(String app, String username) {
            this.app = app;
            this.username = username;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static Browser loggedIn(String app, String username) {
            Browser browser = new Browser(app, username);
            browser.get("/camunda/app/tasklist/default/");
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(app + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", browser.csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo")));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            return browser;
        }

        String username() {
            return username;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "application/json, text/html").GET());
        }

        HttpResponse<String> post(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(app + path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** As a program calls the API: HTTP Basic, no session. */
        HttpResponse<String> getWithBasic(String path) {
            return HttpClientHolder.send(HttpRequest.newBuilder(URI.create(app + path)).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8))).GET());
        }

        private String csrfToken() {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One client without cookies, for the calls that carry their credentials each time. */
    static final class HttpClientHolder {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        static HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
