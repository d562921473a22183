package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.reconciliation.Reconciliation;
import org.tokengov.reconciliation.ReconciliationReport;
import org.tokengov.redcap.RateBudget;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * Benchmark, not a test (its name matches neither surefire's nor failsafe's patterns, so {@code ./mvnw verify} skips
 * it). Reconciliation in the {@code manual} (API) mode: REDCap QA on MariaDB, reached only through its API, with
 * {@code -Dbench.projects} enrolled projects (default 50) of {@code -Dbench.perProject} token holders each (default 40:
 * 2,000 tokens), the registry knowing all of them, and a rate budget of {@code -Dbench.budget} calls a minute (default
 * 120, the product's default). Holders regenerate, delete and make tokens on the project's API page (ten of each);
 * then it runs reconciliations, a budget window apart (a cycle is 15 minutes in production), until every finding is
 * made and a run finds nothing new, and prints each run's time and REDCap API calls against the budget's share.
 *
 * <pre>./mvnw -o test -Dtest=ManualModeReconciliationBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = ManualModeReconciliationBenchmark.BenchServers.class)
@ActiveProfiles("embedded")
class ManualModeReconciliationBenchmark {

    static final int PROJECTS = Integer.getInteger("bench.projects", 50);
    static final int PER_PROJECT = Integer.getInteger("bench.perProject", 40);
    static final int BUDGET = Integer.getInteger("bench.budget", 120);
    /** The default of {@code tokengov.redcap-log.api-budget-share}. */
    static final double SHARE = 0.5;
    static final long FIRST_PROJECT = 3_001;
    static final int FINDINGS_OF_EACH_KIND = 10;
    static final Map<Long, String> STEWARD_TOKENS = stewardTokens();

    /** QA in the manual mode; the app holds a steward token for each benchmark project, and REDCap knows it. */
    static class BenchServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            List<String> settings = new ArrayList<>(List.of("tokengov.redcap.environments.qa.token-administration=manual",
                    "tokengov.redcap.environments.qa.rate-budget-per-minute=" + BUDGET,
                    "logging.level.org.tokengov.notification=WARN"));
            STEWARD_TOKENS.forEach((projectId, token) -> settings.add(
                    "tokengov.redcap.environments.qa.steward-tokens.[" + projectId + "]=" + token));
            TestPropertyValues.of(settings).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired Reconciliation reconciliation;
    @Autowired JdbcTemplate app;
    @Autowired MeterRegistry meters;

    @Test
    void reconcileTwoThousandTokensThroughRedcapsApi() throws InterruptedException {
        JdbcTemplate redcap = new IssuedTokens(context).redcap(RedcapEnvironment.QA);
        List<String[]> holders = seed(redcap);
        Reconciliation.Scope qa = new Reconciliation.Scope(RedcapEnvironment.QA, Set.of());
        differences(redcap, holders);
        int share = (int) Math.floor(BUDGET * SHARE);
        // The simulator's page calls above count against nothing, but let REDCap's own limiter forget them too.
        Thread.sleep(RateBudget.WINDOW.toMillis());

        System.out.printf("%n=== ManualModeReconciliationBenchmark (manual mode, %d projects x %d holders, budget %d"
                + " calls a minute, reconciliation's share %d) ===%n", PROJECTS, PER_PROJECT, BUDGET, share);
        Map<String, Integer> found = new TreeMap<>();
        int runs = 0;
        double mostCalls = 0;
        long started = System.nanoTime();
        while (true) {
            if (runs > 0) {
                // The next cycle (15 minutes in production) starts with the budget's window passed.
                Thread.sleep(RateBudget.WINDOW.toMillis());
            }
            double before = apiCalls();
            long start = System.nanoTime();
            ReconciliationReport report = reconciliation.run(qa, "bench");
            double seconds = (System.nanoTime() - start) / 1e9;
            double calls = apiCalls() - before;
            runs++;
            mostCalls = Math.max(mostCalls, calls);
            report.counts().forEach((kind, count) -> found.merge(kind, count.intValue(), Integer::sum));
            System.out.printf("run %d: %.2f s, %.0f REDCap API calls, findings %s%n", runs, seconds, calls,
                    report.counts());
            if (report.counts().isEmpty() && found.values().stream().mapToInt(Integer::intValue).sum()
                    == 3 * FINDINGS_OF_EACH_KIND || runs == 10) {
                break;
            }
        }
        System.out.printf("all findings in %d runs (%.0f s, including the waits for the budget's window); at most %.0f"
                + " calls in a run, i.e. within a minute (budget %d, share %d)%n", runs,
                (System.nanoTime() - started) / 1e9, mostCalls, BUDGET, share);
        assertThat(found).containsEntry("CHANGED", FINDINGS_OF_EACH_KIND).containsEntry("MISSING", FINDINGS_OF_EACH_KIND)
                .containsEntry("UNKNOWN", FINDINGS_OF_EACH_KIND);
        assertThat(mostCalls).as("never above the share of the budget").isLessThanOrEqualTo(share);
    }

    /** REDCap's projects (each with the steward's token) and token holders; the registry knows every token. */
    private List<String[]> seed(JdbcTemplate redcap) {
        SecureRandom random = new SecureRandom();
        List<Object[]> projects = new ArrayList<>();
        List<Object[]> users = new ArrayList<>();
        List<Object[]> rights = new ArrayList<>();
        List<Object[]> registered = new ArrayList<>();
        List<Object[]> reconciled = new ArrayList<>();
        List<String[]> holders = new ArrayList<>();
        // Registered a day ago: a token event in the minute of an issue is taken for the issue.
        Timestamp yesterday = Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS));
        Timestamp inAYear = Timestamp.from(Instant.now().plus(365, ChronoUnit.DAYS));
        for (int p = 0; p < PROJECTS; p++) {
            long projectId = FIRST_PROJECT + p;
            String logTable = p % 12 == 0 ? "redcap_log_event" : "redcap_log_event" + (p % 12 + 1);
            projects.add(new Object[] {projectId, "Bench project " + projectId, logTable});
            reconciled.add(new Object[] {"QA", projectId, yesterday});
            rights.add(new Object[] {projectId, "tokengov_steward", STEWARD_TOKENS.get(projectId), 1, 1, 1});
            for (int u = 0; u < PER_PROJECT; u++) {
                String username = String.format("apiuser%05d", p * PER_PROJECT + u);
                byte[] value = new byte[16];
                random.nextBytes(value);
                users.add(new Object[] {username, username + "@example.org"});
                rights.add(new Object[] {projectId, username, HexFormat.of().withUpperCase().formatHex(value), 1, 0, 0});
                registered.add(new Object[] {UUID.randomUUID().toString(), username, projectId, yesterday, inAYear});
                holders.add(new String[] {String.valueOf(projectId), username});
            }
        }
        redcap.batchUpdate("INSERT INTO redcap_projects (project_id, app_title, status, log_event_table) VALUES (?, ?, 1, ?)",
                projects);
        redcap.batchUpdate("INSERT INTO redcap_user_information (username, user_email) VALUES (?, ?)", users);
        redcap.batchUpdate("INSERT INTO redcap_user_rights (project_id, username, api_token, api_export, user_rights,"
                + " data_logging) VALUES (?, ?, ?, ?, ?, ?)", rights);
        // Made by hand (manual mode): no fingerprint.
        app.batchUpdate("insert into api_token (id, holder, environment, project_id, right_export, right_import,"
                + " right_mobile_app, state, issued_at, expires_at, version)"
                + " values (?, ?, 'QA', ?, true, false, false, 'QA_ACTIVE', ?, ?, 0)", registered);
        app.batchUpdate("insert into reconciled_project (environment, project_id, first_run_at) values (?, ?, ?)",
                reconciled);
        return holders;
    }

    /** On the project API page: ten holders regenerate their token, ten delete it, ten new users make one. */
    private void differences(JdbcTemplate redcap, List<String[]> holders) {
        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        redcap.update("UPDATE redcap_config SET value = 'auto_approve_all' WHERE field_name = 'api_token_request_type'");
        Map<String, String[]> newcomers = new LinkedHashMap<>();
        for (int i = 0; i < FINDINGS_OF_EACH_KIND; i++) {
            String[] regenerating = holders.get(i * 7);
            done(simulator.projectApiPage("qa", "regenerate", regenerating[1], Long.parseLong(regenerating[0])));
            String[] deleting = holders.get(holders.size() - 1 - i * 7);
            done(simulator.projectApiPage("qa", "delete", deleting[1], Long.parseLong(deleting[0])));
            newcomers.put(String.format("newcomer%02d", i), new String[] {String.valueOf(FIRST_PROJECT + i * 3)});
        }
        newcomers.forEach((username, project) -> {
            redcap.update("INSERT INTO redcap_user_information (username, user_email) VALUES (?, ?)", username,
                    username + "@example.org");
            redcap.update("INSERT INTO redcap_user_rights (project_id, username, api_export, user_rights, data_logging)"
                    + " VALUES (?, ?, 1, 0, 0)", Long.parseLong(project[0]), username);
            done(simulator.projectApiPage("qa", "request", username, Long.parseLong(project[0])));
        });
    }

    private static void done(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }

    private double apiCalls() {
        return meters.find("tokengov.redcap.calls").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static Map<Long, String> stewardTokens() {
        Map<Long, String> tokens = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        for (int p = 0; p < PROJECTS; p++) {
            byte[] value = new byte[16];
            random.nextBytes(value);
            tokens.put(FIRST_PROJECT + p, HexFormat.of().withUpperCase().formatHex(value));
        }
        return tokens;
    }
}
