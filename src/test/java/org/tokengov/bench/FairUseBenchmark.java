package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.fairuse.FairUseMonitor;
import org.tokengov.redcap.DatabaseRedcapLog;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapLogRow;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenValuesInText;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.ResidentMemory;
import org.tokengov.testsupport.TestDatabases;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.Finding;

/**
 * Benchmark, not a test (its name matches neither surefire's nor failsafe's patterns, so {@code ./mvnw verify} skips
 * it). Fair use on a large institution's day (issue 15, "Speed"): REDCap PROD on MariaDB with {@code -Dbench.tokens}
 * live tokens (default 5,000: {@code -Dbench.perProject} holders, default 10, on each of 500 projects spread over
 * REDCap's twelve log tables, all enrolled), and {@code -Dbench.events} API calls a REDCap day (default 1,000,000) in
 * those log tables for {@code -Dbench.days} days (default 1; the last one a weekday), shaped by {@link ApiCallers}:
 * most holders light, a few heavy, a few polling, some bulk-exporting in a peak hour, some far above what their request
 * declared, and a thousandth of the calls failed requests without a project. It measures one catch-up of everything
 * ({@link FairUseMonitor#collect()}) and one evaluation at the end of the last day ({@link FairUseMonitor#evaluate}),
 * with the memory the JVM holds and the SQL both databases ran; then the increment of one monitor cycle (10,000 more
 * calls in the next 15 minutes: collect and evaluate again). Last, where the catch-up's time goes: the same log read
 * again without counting (MariaDB and the scrubbing of token values), and the scrubbing alone.
 *
 * <pre>./mvnw -o test -Dtest=FairUseBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Ten million calls, collected in one catch-up and then evaluated: add {@code -Dbench.events=1000000 -Dbench.days=10}.
 * A small run while others build: {@code -Dbench.events=100000 -Dbench.tokens=1000}. Further knobs:
 * {@code -Dbench.batchSize} (the log reader's {@code tokengov.redcap-log.batch-size}, default 1000),
 * {@code -Dbench.increment} (default 10000), {@code -Dbench.profile=false} (skips the last part),
 * {@code -Dbench.jfr=target/fairuse.jfr} (a Java Flight Recording of collect and evaluate, for {@code jfr print}).
 * MariaDB's counters are the server's (all its clients); PostgreSQL's are the app database's, read after waiting for
 * its statistics to be flushed (PostgreSQL 15 flushes an idle connection's within 10 s). The evaluation opens misuse
 * cases for the confirmed findings ({@code FairUseCases.open}), so it runs where that is built.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = FairUseBenchmark.BenchServers.class)
@ActiveProfiles("embedded")
class FairUseBenchmark {

    static final int TOKENS = Integer.getInteger("bench.tokens", 5_000);
    static final int PER_PROJECT = Integer.getInteger("bench.perProject", 10);
    static final long EVENTS_A_DAY = Long.getLong("bench.events", 1_000_000);
    static final int DAYS = Integer.getInteger("bench.days", 1);
    static final int INCREMENT = Integer.getInteger("bench.increment", 10_000);
    static final String BATCH_SIZE = System.getProperty("bench.batchSize");
    static final boolean PROFILE = Boolean.parseBoolean(System.getProperty("bench.profile", "true"));
    static final String JFR = System.getProperty("bench.jfr");
    static final long SEED = 15;
    /** What one monitor cycle adds after the day (the default cycle is 15 minutes). */
    static final Duration CYCLE = Duration.ofMinutes(15);

    /** Every benchmark project is enrolled (the database mode needs no steward token for reading the log). */
    static class BenchServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            String projects = IntStream.range(0, (TOKENS + PER_PROJECT - 1) / PER_PROJECT)
                    .mapToObj(p -> String.valueOf(ApiCallers.FIRST_PROJECT + p)).collect(Collectors.joining(","));
            List<String> properties = new ArrayList<>(List.of(
                    "tokengov.redcap.environments.prod.enrolled-projects=101," + projects,
                    "logging.level.org.tokengov.notification=WARN",
                    "logging.level.org.tokengov.redcaplog=WARN"));
            if (BATCH_SIZE != null) {
                properties.add("tokengov.redcap-log.batch-size=" + BATCH_SIZE);
            }
            TestPropertyValues.of(properties).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired FairUseMonitor monitor;
    @Autowired JdbcTemplate app;
    @Autowired RedcapProperties servers;
    @Autowired DatabaseRedcapLog redcapLog;

    @Test
    void collectAndEvaluateALargeInstitutionsDay() throws Exception {
        JdbcTemplate redcap = new IssuedTokens(context).redcap(RedcapEnvironment.PROD);
        ZoneId zone = servers.server(RedcapEnvironment.PROD).timeZone();
        ApiCallers callers = new ApiCallers(TOKENS, PER_PROJECT, EVENTS_A_DAY, new Random(SEED));
        seed(redcap, callers);

        LocalDate lastDay = LocalDate.now(zone).minusDays(1);
        while (lastDay.getDayOfWeek() == DayOfWeek.SATURDAY || lastDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            lastDay = lastDay.minusDays(1);
        }
        GeneratedApiLog log = new GeneratedApiLog(callers, context.getEnvironment()
                .getRequiredProperty("redcap-sim.environments.prod.jdbc-url"), TestDatabases.MARIADB_USER, new Random(SEED));
        long start = System.nanoTime();
        long rows = 0;
        for (LocalDate day = lastDay.minusDays(DAYS - 1L); !day.isAfter(lastDay); day = day.plusDays(1)) {
            rows += log.day(day, EVENTS_A_DAY);
        }
        // Statistics as a system that has run for a while has them: right after a bulk insert, PostgreSQL's planner
        // takes the registry for empty (and scans it whole for each holder) until autovacuum gets to it.
        app.execute("analyze api_token");
        app.execute("analyze token_request");
        redcap.execute("ANALYZE TABLE redcap_log_view, redcap_log_event, " + IntStream.rangeClosed(2, 12)
                .mapToObj(n -> "redcap_log_event" + n).collect(Collectors.joining(", ")));
        double generationSeconds = seconds(start);
        long apiCalls = rows - DAYS * ApiCallers.failedRequests(EVENTS_A_DAY);
        Instant endOfDay = lastDay.plusDays(1).atStartOfDay(zone).toInstant();

        SqlLoad before = SqlLoad.of(redcap, app);
        Recording recording = JFR == null ? null : startRecording();
        start = System.nanoTime();
        monitor.collect();
        double collectSeconds = seconds(start);
        SqlLoad collected = SqlLoad.of(redcap, app);
        start = System.nanoTime();
        FairUseMonitor.Evaluation evaluation = monitor.evaluate(endOfDay);
        double evaluateSeconds = seconds(start);
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(JFR));
        }
        SqlLoad evaluated = SqlLoad.of(redcap, app);
        String memory = ResidentMemory.summary();
        long minuteRows = count("api_usage_minute");
        long hourRows = count("api_usage_hour");
        long counted = app.queryForObject("select coalesce(sum(calls), 0) from api_usage_hour where project_id >= ?",
                Long.class, ApiCallers.FIRST_PROJECT);

        long incrementRows = log.ordinaryCalls(lastDay.plusDays(1), 0, (int) CYCLE.toSeconds(), INCREMENT);
        start = System.nanoTime();
        monitor.collect();
        double incrementCollectSeconds = seconds(start);
        start = System.nanoTime();
        FairUseMonitor.Evaluation incremental = monitor.evaluate(endOfDay.plus(CYCLE));
        double incrementEvaluateSeconds = seconds(start);
        long countedAfterIncrement = app.queryForObject("select coalesce(sum(calls), 0) from api_usage_hour"
                + " where project_id >= ?", Long.class, ApiCallers.FIRST_PROJECT);

        System.out.printf("%n=== FairUseBenchmark (database mode: %,d tokens on %,d projects, %,d calls a day x %d day(s),"
                        + " REDCap time %s, reader batch %s) ===%n", TOKENS, callers.projects(), EVENTS_A_DAY, DAYS, zone,
                BATCH_SIZE == null ? "1000 (default)" : BATCH_SIZE);
        System.out.printf("callers: %d polling, %d peak-hour bulk exporters, %d over their declared use, %d within it;"
                        + " ordinary calls a day per holder: median %d, top 1%% from %d, most %d%n",
                callers.count(ApiCallers.Role.POLLER), callers.count(ApiCallers.Role.PEAK_BULK_EXPORTER),
                callers.count(ApiCallers.Role.OVER_DECLARED), callers.count(ApiCallers.Role.WITHIN_DECLARED),
                percentile(callers.ordinaryCalls, 0.5), percentile(callers.ordinaryCalls, 0.99),
                percentile(callers.ordinaryCalls, 1.0));
        System.out.printf("generated %,d log_event rows and as many redcap_log_view rows (%,d API calls, the rest failed"
                + " requests) ending %s, in %.1f s"
                + " (%,.0f rows/s; not the measure)%n", rows, apiCalls, lastDay, generationSeconds, rows / generationSeconds);
        System.out.printf("collect: %.1f s (%,.0f log rows/s); evaluate: %.1f s; together %.1f s (%,.0f rows/s)%n",
                collectSeconds, rows / collectSeconds, evaluateSeconds, collectSeconds + evaluateSeconds,
                rows / (collectSeconds + evaluateSeconds));
        System.out.printf("counts: %,d rows in api_usage_minute, %,d in api_usage_hour (%,d calls counted)%n", minuteRows,
                hourRows, counted);
        System.out.printf("evaluation: %,d users with calls, %,d observations, %d new findings %s, %d cases opened%n",
                evaluation.tokensWithCalls(), evaluation.observations(), evaluation.newFindings().size(),
                byRule(evaluation.newFindings()), evaluation.casesOpened());
        System.out.println(memory);
        System.out.println("SQL during collect:  " + collected.minus(before));
        System.out.println("SQL during evaluate: " + evaluated.minus(collected));
        System.out.printf("increment of one cycle (%,d calls in the next %d minutes): collect %.2f s, evaluate %.2f s,"
                        + " together %.2f s; %d new findings%n", incrementRows, CYCLE.toMinutes(), incrementCollectSeconds,
                incrementEvaluateSeconds, incrementCollectSeconds + incrementEvaluateSeconds,
                incremental.newFindings().size());
        // Over several days the catch-up reads them all at once; a day's share is what the monitor spends on one day.
        double aDay = collectSeconds / DAYS + evaluateSeconds;
        System.out.printf("a day's share (collect / %d + evaluate): %.1f s; machine load average now %.1f on %d cores%n",
                DAYS, aDay, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("the issue's goal (a day of 1,000,000 events collected and evaluated in under 60 s): %s%n",
                EVENTS_A_DAY < 1_000_000 ? "not measured at this scale" : aDay < 60 ? "met" : "NOT met");
        if (PROFILE) {
            whereTheTimeGoes(redcap, callers, rows, collectSeconds);
        }

        assertThat(counted).as("every API call counted once").isEqualTo(apiCalls);
        assertThat(countedAfterIncrement).as("and the increment's once").isEqualTo(apiCalls + incrementRows);
        Map<FairUseRule, Long> found = evaluation.newFindings().stream()
                .collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
        assertThat(found.get(FairUseRule.POLLING)).as("every poller").isEqualTo(callers.count(ApiCallers.Role.POLLER));
        assertThat(found.get(FairUseRule.PEAK_HOUR_BULK_EXPORT)).as("every bulk exporter, on a weekday")
                .isGreaterThanOrEqualTo(callers.count(ApiCallers.Role.PEAK_BULK_EXPORTER));
        assertThat(found.get(FairUseRule.DECLARED_USAGE_EXCEEDED)).as("every holder over their declared use")
                .isEqualTo(callers.count(ApiCallers.Role.OVER_DECLARED));
    }

    /**
     * REDCap's projects (each with its log table), users and tokens; the registry knowing each token (live, issued a
     * year ago), and the requests of those who declared their use.
     */
    private void seed(JdbcTemplate redcap, ApiCallers callers) {
        SecureRandom random = new SecureRandom();
        List<Object[]> projects = new ArrayList<>();
        for (int p = 0; p < callers.projects(); p++) {
            long projectId = ApiCallers.FIRST_PROJECT + p;
            projects.add(new Object[] {projectId, "Bench project " + projectId, ApiCallers.logTable(projectId)});
        }
        List<Object[]> users = new ArrayList<>();
        List<Object[]> rights = new ArrayList<>();
        List<Object[]> tokens = new ArrayList<>();
        List<Object[]> requests = new ArrayList<>();
        Timestamp issued = Timestamp.from(Instant.now().minus(365, ChronoUnit.DAYS));
        Timestamp expires = Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS));
        for (int t = 0; t < callers.tokens; t++) {
            String username = ApiCallers.username(t);
            long projectId = callers.project(t);
            byte[] value = new byte[16];
            random.nextBytes(value);
            String token = HexFormat.of().withUpperCase().formatHex(value);
            users.add(new Object[] {username, username + "@example.org"});
            rights.add(new Object[] {projectId, username, token});
            String requestId = null;
            ApiCallers.Role role = callers.roles[t];
            if (role == ApiCallers.Role.OVER_DECLARED || role == ApiCallers.Role.WITHIN_DECLARED) {
                requestId = UUID.randomUUID().toString();
                boolean over = role == ApiCallers.Role.OVER_DECLARED;
                requests.add(new Object[] {requestId, String.format("REQ-BENCH-%06d", t), username, projectId,
                        projectId + 100_000, over ? "Nightly sync of new records" : "Exports for the weekly report",
                        over ? "nightly at 02:00" : "on demand",
                        over ? ApiCallers.DECLARED_BY_OVERUSERS : Math.max(50, 2L * callers.ordinaryCalls[t]), issued});
            }
            tokens.add(new Object[] {UUID.randomUUID().toString(), requestId, username, projectId,
                    TokenFingerprint.of(token).sha256Hex(), issued, expires});
        }
        redcap.batchUpdate("INSERT INTO redcap_projects (project_id, app_title, status, log_event_table) VALUES (?, ?, 1, ?)",
                projects);
        redcap.batchUpdate("INSERT INTO redcap_user_information (username, user_email) VALUES (?, ?)", users);
        redcap.batchUpdate("INSERT INTO redcap_user_rights (project_id, username, api_token, api_export, api_import,"
                + " user_rights, data_logging) VALUES (?, ?, ?, 1, 1, 0, 0)", rights);
        app.batchUpdate("insert into token_request (id, request_number, requester, production_project_id, qa_project_id,"
                + " right_export, right_import, right_mobile_app, intended_use, usage_description, call_schedule,"
                + " expected_calls_per_day, status, submitted_at, fair_use_accepted, version)"
                + " values (?, ?, ?, ?, ?, true, true, false, 'SCHEDULED_EXPORT', ?, ?, ?, 'APPROVED', ?, true, 0)", requests);
        app.batchUpdate("insert into api_token (id, request_id, holder, environment, project_id, right_export,"
                + " right_import, right_mobile_app, state, fingerprint, issued_at, expires_at, version)"
                + " values (?, ?, ?, 'PROD', ?, true, true, false, 'ACTIVE', ?, ?, ?, 0)", tokens);
    }

    /**
     * The catch-up's parts, measured apart: the whole log read again as the reader reads it (MariaDB's query and the
     * scrubbing of every text column), without counting or cursors; the scrubbing of such texts alone; and the plan
     * MariaDB chooses for the reader's query (a project's first batch, and one near the end of its log).
     */
    private void whereTheTimeGoes(JdbcTemplate redcap, ApiCallers callers, long rows, double collectSeconds) {
        int batch = BATCH_SIZE == null ? 1_000 : Integer.parseInt(BATCH_SIZE);
        long examinedBefore = examined(redcap);
        long start = System.nanoTime();
        long read = 0;
        List<RedcapLogRow> sample = new ArrayList<>();
        for (int p = 0; p < callers.projects(); p++) {
            long after = 0;
            while (true) {
                List<RedcapLogRow> rowsRead = redcapLog.projectRowsAfter(RedcapEnvironment.PROD,
                        ApiCallers.FIRST_PROJECT + p, after, batch);
                read += rowsRead.size();
                if (sample.size() < 100_000 && !rowsRead.isEmpty()) {
                    sample.add(rowsRead.get(0));
                }
                if (rowsRead.size() < batch) {
                    break;
                }
                after = rowsRead.get(rowsRead.size() - 1).id();
            }
        }
        double readSeconds = seconds(start);
        long examined = examined(redcap) - examinedBefore;
        // The text columns the reader scrubs (user, page, event, object_type, pk, description, data_values) of an import.
        String[] texts = {"caller000042", "api/index.php", "UPDATE", "redcap_data", "1234", "Update record (API)",
                "record_id = '1234',\nvisit_date = '2026-03-14',\nweight_kg = '71',\nsmoker = '0'"};
        start = System.nanoTime();
        long scrubbed = 0;
        for (long i = 0; i < rows; i++) {
            for (int column = 0; column < 7; column++) {
                scrubbed += TokenValuesInText.scrub(texts[column]).text().length();
            }
        }
        double scrubSeconds = seconds(start);
        System.out.printf("where collect's time goes: reading the %,d project rows again as the reader does (MariaDB"
                        + " and scrubbing, batches of %d) takes %.1f s (MariaDB went through %,d index entries and rows: %.1f per row"
                        + " returned); scrubbing 7 text columns of %,d rows alone %.1f s (%d); the rest of collect"
                        + " (counting, cursors, PostgreSQL) about %.1f s%n", read, batch, readSeconds, examined,
                (double) examined / Math.max(1, read), rows, scrubSeconds, scrubbed % 10, collectSeconds - readSeconds);
        long project = ApiCallers.FIRST_PROJECT;
        String table = ApiCallers.logTable(project);
        long lastId = redcap.queryForObject("SELECT COALESCE(MAX(log_event_id), 0) FROM " + table + " WHERE project_id = ?",
                Long.class, project);
        for (long after : new long[] {0, Math.max(0, lastId - batch / 2)}) {
            Map<String, Object> plan = redcap.queryForList("EXPLAIN SELECT e.log_event_id FROM " + table + " e"
                    + " WHERE e.project_id = ? AND e.log_event_id > ? ORDER BY e.log_event_id LIMIT " + batch, project,
                    after).get(0);
            System.out.printf("MariaDB's plan for the reader's query after id %d: key %s, type %s, rows %s, %s%n", after,
                    plan.get("key"), plan.get("type"), plan.get("rows"), plan.get("Extra"));
        }
    }

    /** Index entries and rows MariaDB went through, server-wide. */
    private static long examined(JdbcTemplate redcap) {
        Map<String, Long> counters = SqlLoad.mariaDb(redcap);
        return counters.get("Handler_read_key") + counters.get("Handler_read_next") + counters.get("Handler_read_rnd_next");
    }

    private long count(String table) {
        return app.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String byRule(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(f -> f.rule() + " " + f.certainty().name().toLowerCase(),
                TreeMap::new, Collectors.counting())).toString();
    }

    private static int percentile(int[] values, double share) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(share * (sorted.length - 1)))];
    }

    private static Recording startRecording() throws Exception {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The SQL both databases ran so far: MariaDB's server-wide counters, PostgreSQL's of the app's database. */
    record SqlLoad(Map<String, Long> mariaDb, Map<String, Long> postgres, Map<String, long[]> tables) {

        /** Statements, and the index entries and table rows they went through (rows examined). */
        static final List<String> MARIADB = List.of("Com_select", "Com_insert", "Com_update", "Com_delete",
                "Handler_read_key", "Handler_read_next", "Handler_read_rnd_next");
        static final List<String> POSTGRES = List.of("xact_commit", "tup_returned", "tup_fetched", "tup_inserted",
                "tup_updated", "tup_deleted");

        static SqlLoad of(JdbcTemplate redcap, JdbcTemplate app) throws InterruptedException {
            // PostgreSQL 15 flushes an idle connection's statistics within 10 s (PGSTAT_IDLE_INTERVAL): the figures
            // are read once every connection of the pool has flushed what it did.
            Thread.sleep(11_000);
            Map<String, Object> row = app.queryForMap("select " + String.join(", ", POSTGRES)
                    + " from pg_stat_database where datname = current_database()");
            Map<String, Long> postgres = new TreeMap<>();
            POSTGRES.forEach(name -> postgres.put(name, ((Number) row.get(name)).longValue()));
            // Per table: index and sequential scans (about one per statement that reads or updates it), rows written.
            Map<String, long[]> tables = new TreeMap<>();
            app.query("select relname, seq_scan + coalesce(idx_scan, 0), n_tup_ins + n_tup_upd + n_tup_del"
                    + " from pg_stat_user_tables", (RowCallbackHandler) rs -> tables.put(
                    rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}));
            return new SqlLoad(mariaDb(redcap), postgres, tables);
        }

        static Map<String, Long> mariaDb(JdbcTemplate redcap) {
            Map<String, Long> counters = new TreeMap<>();
            redcap.queryForList("SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("', '", MARIADB) + "')")
                    .forEach(row -> counters.put(String.valueOf(row.get("Variable_name")),
                            Long.parseLong(String.valueOf(row.get("Value")))));
            return counters;
        }

        String minus(SqlLoad earlier) {
            return "MariaDB (whole server) " + difference(mariaDb, earlier.mariaDb) + "; PostgreSQL (app database) "
                    + difference(postgres, earlier.postgres) + "; busiest tables (scans/rows written): "
                    + tables.entrySet().stream()
                            .map(table -> Map.entry(table.getKey(), new long[] {
                                    table.getValue()[0] - earlier.tables.getOrDefault(table.getKey(), new long[2])[0],
                                    table.getValue()[1] - earlier.tables.getOrDefault(table.getKey(), new long[2])[1]}))
                            .filter(table -> table.getValue()[0] + table.getValue()[1] > 0)
                            .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(8)
                            .map(table -> String.format("%s %,d/%,d", table.getKey(), table.getValue()[0],
                                    table.getValue()[1]))
                            .collect(Collectors.joining(", "));
        }

        private static String difference(Map<String, Long> now, Map<String, Long> before) {
            return now.keySet().stream().map(name -> String.format("%s %,d", name, now.get(name) - before.get(name)))
                    .collect(Collectors.joining(", "));
        }
    }
}
