package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;

/**
 * Benchmark, not a test (its name matches neither surefire's nor failsafe's patterns, so {@code ./mvnw verify} skips
 * it). Reconciliation in the {@code database} mode: REDCap PROD on MariaDB with {@code -Dbench.projects} enrolled
 * projects (default 500) of {@code -Dbench.perProject} token holders each (default 40: 20,000 tokens), each project
 * logging to one of REDCap's twelve log tables, and a registry that knows all of them. It times a reconciliation with
 * a few findings (10 values changed, 10 deleted and 10 made behind the system's back), then one with none, and counts
 * the SQL statements REDCap's database received (MariaDB's own counters) and the REDCap API calls made.
 *
 * <pre>./mvnw -o test -Dtest=ReconciliationBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = ReconciliationBenchmark.BenchServers.class)
@ActiveProfiles("embedded")
class ReconciliationBenchmark {

    static final int PROJECTS = Integer.getInteger("bench.projects", 500);
    static final int PER_PROJECT = Integer.getInteger("bench.perProject", 40);
    static final long FIRST_PROJECT = 1_001;
    static final int FINDINGS_OF_EACH_KIND = 10;

    /** The benchmark's projects are enrolled: the app holds a (made-up) steward token for each. */
    static class BenchServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            List<String> enrolled = new ArrayList<>();
            for (int i = 0; i < PROJECTS; i++) {
                enrolled.add("tokengov.redcap.environments.prod.steward-tokens.[" + (FIRST_PROJECT + i) + "]="
                        + UUID.randomUUID().toString().replace("-", "").toUpperCase());
            }
            enrolled.add("logging.level.org.tokengov.notification=WARN");
            TestPropertyValues.of(enrolled).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired Reconciliation reconciliation;
    @Autowired JdbcTemplate app;
    @Autowired MeterRegistry meters;

    @Test
    void reconcileTwentyThousandTokensOnFiveHundredProjects() {
        JdbcTemplate redcap = new IssuedTokens(context).redcap(RedcapEnvironment.PROD);
        List<String[]> tokens = seed(redcap);
        int total = tokens.size();
        differences(redcap, tokens);

        long statementsBefore = redcapStatements(redcap);
        double apiBefore = apiCalls();
        long start = System.nanoTime();
        ReconciliationReport withFindings = reconciliation.run(Reconciliation.Scope.EVERYTHING, "bench");
        double withFindingsSeconds = (System.nanoTime() - start) / 1e9;
        long statementsWithFindings = redcapStatements(redcap) - statementsBefore;

        statementsBefore = redcapStatements(redcap);
        start = System.nanoTime();
        ReconciliationReport steady = reconciliation.run(Reconciliation.Scope.EVERYTHING, "bench");
        double steadySeconds = (System.nanoTime() - start) / 1e9;
        long statementsSteady = redcapStatements(redcap) - statementsBefore;
        double apiCalls = apiCalls() - apiBefore;

        System.out.printf("%n=== ReconciliationBenchmark (database mode, %d projects x %d holders) ===%n", PROJECTS,
                PER_PROJECT);
        System.out.printf("tokens in REDCap: %d; findings %s%n", withFindings.tokensInRedcap(), withFindings.counts());
        System.out.printf("reconciliation with %d findings: %.2f s, %d SQL statements on REDCap's database%n",
                withFindings.items().size(), withFindingsSeconds, statementsWithFindings);
        System.out.printf("reconciliation without findings: %.2f s, %d SQL statements on REDCap's database%n",
                steadySeconds, statementsSteady);
        System.out.printf("REDCap API calls during both: %.0f (0 per minute)%n", apiCalls);
        assertThat(withFindings.tokensInRedcap()).as("ten deleted, ten made").isEqualTo(total);
        assertThat(withFindings.counts()).containsEntry("CHANGED", FINDINGS_OF_EACH_KIND)
                .containsEntry("MISSING", FINDINGS_OF_EACH_KIND).containsEntry("UNKNOWN", FINDINGS_OF_EACH_KIND);
        assertThat(steady.counts()).isEmpty();
        assertThat(steadySeconds).as("the issue's goal").isLessThanOrEqualTo(30);
    }

    /** REDCap's projects and token holders, and the registry knowing every token (reconciled before). */
    private List<String[]> seed(JdbcTemplate redcap) {
        SecureRandom random = new SecureRandom();
        List<Object[]> projects = new ArrayList<>();
        List<Object[]> users = new ArrayList<>();
        List<Object[]> rights = new ArrayList<>();
        List<Object[]> registered = new ArrayList<>();
        List<Object[]> reconciled = new ArrayList<>();
        List<String[]> tokens = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp inAYear = Timestamp.from(Instant.now().plus(365, ChronoUnit.DAYS));
        for (int p = 0; p < PROJECTS; p++) {
            long projectId = FIRST_PROJECT + p;
            String logTable = p % 12 == 0 ? "redcap_log_event" : "redcap_log_event" + (p % 12 + 1);
            projects.add(new Object[] {projectId, "Bench project " + projectId, logTable});
            reconciled.add(new Object[] {"PROD", projectId, now});
            for (int u = 0; u < PER_PROJECT; u++) {
                String username = String.format("holder%05d", p * PER_PROJECT + u);
                byte[] value = new byte[16];
                random.nextBytes(value);
                String token = HexFormat.of().withUpperCase().formatHex(value);
                users.add(new Object[] {username, username + "@example.org"});
                rights.add(new Object[] {projectId, username, token});
                registered.add(new Object[] {UUID.randomUUID().toString(), username, projectId,
                        TokenFingerprint.of(token).sha256Hex(), now, inAYear});
                tokens.add(new String[] {String.valueOf(projectId), username, token});
            }
        }
        redcap.batchUpdate("INSERT INTO redcap_projects (project_id, app_title, status, log_event_table) VALUES (?, ?, 1, ?)",
                projects);
        redcap.batchUpdate("INSERT INTO redcap_user_information (username, user_email) VALUES (?, ?)", users);
        redcap.batchUpdate("INSERT INTO redcap_user_rights (project_id, username, api_token, api_export, user_rights,"
                + " data_logging) VALUES (?, ?, ?, 1, 0, 0)", rights);
        app.batchUpdate("insert into api_token (id, holder, environment, project_id, right_export, right_import,"
                + " right_mobile_app, state, fingerprint, issued_at, expires_at, version)"
                + " values (?, ?, 'PROD', ?, true, false, false, 'ACTIVE', ?, ?, ?, 0)", registered);
        app.batchUpdate("insert into reconciled_project (environment, project_id, first_run_at) values (?, ?, ?)",
                reconciled);
        return tokens;
    }

    /** Ten values regenerated, ten tokens deleted and ten made behind the system's back, by SQL as REDCap would. */
    private static void differences(JdbcTemplate redcap, List<String[]> tokens) {
        for (int i = 0; i < FINDINGS_OF_EACH_KIND; i++) {
            String[] changed = tokens.get(i * 7);
            redcap.update("UPDATE redcap_user_rights SET api_token = ? WHERE project_id = ? AND username = ?",
                    "C" + changed[2].substring(1).replace('C', 'D'), Long.parseLong(changed[0]), changed[1]);
            String[] deleted = tokens.get(tokens.size() - 1 - i * 7);
            redcap.update("UPDATE redcap_user_rights SET api_token = NULL WHERE project_id = ? AND username = ?",
                    Long.parseLong(deleted[0]), deleted[1]);
            redcap.update("INSERT INTO redcap_user_rights (project_id, username, api_token, api_export, user_rights)"
                    + " VALUES (?, ?, ?, 1, 0)", FIRST_PROJECT + i, tokens.get(i)[1] + "x",
                    HexFormat.of().withUpperCase().formatHex(UUID.randomUUID().toString().substring(0, 16).getBytes()));
        }
    }

    /** Statements MariaDB ran, all connections together (the benchmark is the only client meanwhile). */
    private static long redcapStatements(JdbcTemplate redcap) {
        return redcap.queryForList("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', 'Com_update',"
                + " 'Com_delete')").stream().mapToLong(row -> Long.parseLong(String.valueOf(row.get("Value")))).sum();
    }

    private double apiCalls() {
        return meters.find("tokengov.redcap.calls").counters().stream().mapToDouble(Counter::count).sum();
    }
}
