package org.tokengov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.inactivity.InactivitySweep;
import org.tokengov.inactivity.InactivitySweepVariables;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewIssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.RealServers;

/**
 * Benchmark, not a test (its name matches neither surefire's nor failsafe's patterns, so {@code ./mvnw verify}
 * skips it). On a fresh PostgreSQL database and a REDCap simulator on MariaDB it loads N live QA tokens
 * ({@code -Dbench.tokens}, default 10,000), measures the bulk enrolment of their TokenLifecycleProcess instances,
 * gives them spread-out last uses in REDCap's log (0 to 239 days ago; every tenth never used), then runs
 * InactivitySweepProcess as the job executor would (waiting for real for the timer between batches) and reads
 * REDCap's own log to find the most calls it received in any 60 seconds. The rate budget is raised
 * ({@code -Dbench.budget}, default 12,000 calls per minute) so that the run takes minutes, not hours.
 *
 * <pre>./mvnw -o test -Dtest=InactivitySweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = InactivitySweepBenchmark.BenchServers.class)
class InactivitySweepBenchmark {

    static final int TOKENS = Integer.getInteger("bench.tokens", 10_000);
    static final int BUDGET = Integer.getInteger("bench.budget", 12_000);
    static final DateTimeFormatter REDCAP_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    static class BenchServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.redcap.environments.qa.rate-budget-per-minute=" + BUDGET,
                    "tokengov.redcap.environments.prod.rate-budget-per-minute=" + BUDGET,
                    // The budget is set far above REDCap's 600 hits a minute here, to measure the sweep itself: the
                    // simulated REDCap must not ban the benchmark's IP for it.
                    "redcap-sim.environments.qa.page-hit-threshold-per-minute=" + (BUDGET * 2),
                    "redcap-sim.environments.prod.page-hit-threshold-per-minute=" + (BUDGET * 2),
                    "logging.level.org.tokengov.notification=WARN").applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired TokenRegistry registry;
    @Autowired TokenLifecycles lifecycles;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired InactivitySweep sweep;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void sweepTenThousandTokens() throws Exception {
        Instant now = Instant.now();
        // Issued eight months ago, so that a use more than six months ago counts.
        ClockUtil.setCurrentTime(Date.from(now.atZone(ZoneOffset.UTC).minusMonths(8).toInstant()));
        long t0 = System.nanoTime();
        List<IssuedToken> tokens = new ArrayList<>(TOKENS);
        for (int i = 0; i < TOKENS; i++) {
            tokens.add(registry.recordIssued(new NewIssuedToken("bench-request-" + i, String.format("bench%05d", i),
                    RedcapEnvironment.QA, 201, new TokenRights(true, false, false), null)));
        }
        long recorded = System.nanoTime();
        for (IssuedToken token : tokens) {
            lifecycles.enrol(token);
        }
        long enrolled = System.nanoTime();
        ClockUtil.reset();
        int expectedRevocations = logUses(now);

        long sweepStart = System.nanoTime();
        long sweepStartTs = redcapTs(Instant.now().minusSeconds(1));
        runSweep();
        long sweepEnd = System.nanoTime();
        long sweepEndTs = redcapTs(Instant.now().plusSeconds(1));

        List<Long> calls = logExportCalls(sweepStartTs, sweepEndTs);
        int peak = peakPerMinute(calls);
        long revoked = jdbc.sql("select count(*) from audit_event where action = 'INACTIVITY_REVOCATION_REQUESTED'")
                .query(Long.class).single();
        long warned = jdbc.sql("select count(*) from audit_event where action = 'INACTIVITY_WARNING_SENT'")
                .query(Long.class).single();
        double sweepSeconds = (sweepEnd - sweepStart) / 1e9;
        int batch = sweep.batchSize();
        System.out.printf("%n=== InactivitySweepBenchmark (%d tokens, rate budget %d/min, batch %d) ===%n", TOKENS, BUDGET, batch);
        System.out.printf("record %d tokens in the registry: %.1f s%n", TOKENS, (recorded - t0) / 1e9);
        System.out.printf("enrol %d TokenLifecycleProcess instances: %.1f s (%.1f ms each)%n", TOKENS,
                (enrolled - recorded) / 1e9, (enrolled - recorded) / 1e6 / TOKENS);
        System.out.printf("sweep: %.1f s wall clock for %d REDCap log calls (%.1f ms per call incl. waits), %d warnings, "
                + "%d revocations requested (expected %d)%n", sweepSeconds, calls.size(),
                sweepSeconds * 1000 / Math.max(1, calls.size()), warned, revoked, expectedRevocations);
        System.out.printf("REDCap calls in the busiest 60 s (REDCap's log): %d, budget %d (%.0f%%)%n", peak, BUDGET,
                100.0 * peak / BUDGET);
        System.out.printf("at a budget of 120/min and share 0.5: %d calls/min, %d tokens take %.0f min%n", 60, TOKENS,
                TOKENS / 60.0);
        assertThat(calls).hasSize(TOKENS);
        assertThat(peak).isLessThanOrEqualTo(BUDGET);
        assertThat(revoked).isEqualTo(expectedRevocations);
    }

    /** Runs the sweep's jobs in this thread, waiting for real for each timer, as the job executor would. */
    private void runSweep() throws InterruptedException {
        Job start = management.createJobQuery().processDefinitionKey(InactivitySweepVariables.PROCESS).timers().singleResult();
        management.executeJob(start.getId());
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(InactivitySweepVariables.PROCESS).singleResult();
        while (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
            Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
            long waitMillis = job.getDuedate() == null ? 0 : job.getDuedate().getTime() - System.currentTimeMillis();
            if (waitMillis > 0) {
                Thread.sleep(waitMillis);
            }
            management.executeJob(job.getId());
        }
    }

    /** Writes each token's last API use into REDCap's log; returns how many tokens are unused for six months. */
    private int logUses(Instant now) throws SQLException {
        int unused = 0;
        try (Connection connection = redcapConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into redcap_log_event (project_id, ts, user, page, event, object_type, pk, description) "
                        + "values (201, ?, ?, 'api/index.php', 'MANAGE', 'redcap_data', '201', 'Data export (API)')")) {
            connection.setAutoCommit(false);
            Instant sixMonthsAgo = now.atZone(ZoneOffset.UTC).minusMonths(6).toInstant();
            Instant issued = now.atZone(ZoneOffset.UTC).minusMonths(8).toInstant();
            for (int i = 0; i < TOKENS; i++) {
                if (i % 10 == 9) {
                    unused++; // never used: counts from issue, eight months ago
                    continue;
                }
                Instant used = now.minus(Duration.ofDays(i % 240)).minus(Duration.ofHours(3));
                if (used.isBefore(issued)) {
                    used = issued.plus(Duration.ofDays(1));
                }
                if (!used.isAfter(sixMonthsAgo)) {
                    unused++;
                }
                insert.setLong(1, redcapTs(used));
                insert.setString(2, String.format("bench%05d", i));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
        return unused;
    }

    /** Timestamps of the log exports REDCap answered between the two moments (the sweep's calls). */
    private List<Long> logExportCalls(long fromTs, long toTs) throws SQLException {
        List<Long> seconds = new ArrayList<>();
        try (Connection connection = redcapConnection(); PreparedStatement query = connection.prepareStatement(
                "select ts from redcap_log_event where description = 'Export Logging (API)' and ts between ? and ? order by ts")) {
            query.setLong(1, fromTs);
            query.setLong(2, toTs);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    seconds.add(LocalDateTime.parse(Long.toString(rows.getLong(1)), REDCAP_TS)
                            .atZone(ZoneId.systemDefault()).toEpochSecond());
                }
            }
        }
        return seconds;
    }

    /** The most calls in any window of 60 seconds (REDCap's log has one-second resolution). */
    static int peakPerMinute(List<Long> epochSeconds) {
        int peak = 0;
        int from = 0;
        for (int to = 0; to < epochSeconds.size(); to++) {
            while (epochSeconds.get(to) - epochSeconds.get(from) >= 60) {
                from++;
            }
            peak = Math.max(peak, to - from + 1);
        }
        return peak;
    }

    private Connection redcapConnection() throws SQLException {
        return DriverManager.getConnection(context.getEnvironment().getProperty("redcap-sim.environments.qa.jdbc-url"),
                context.getEnvironment().getProperty("redcap-sim.environments.qa.username"), "");
    }

    private static long redcapTs(Instant at) {
        return Long.parseLong(REDCAP_TS.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault())));
    }
}
