package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokengov.testsupport.TestDatabases;

/**
 * The shared budget as two replicas use it: two budgets on one PostgreSQL database, each with its own connection pool,
 * the app's migrations applied. Short windows keep the run short; the arithmetic does not depend on the window.
 */
class SharedRateBudgetIT {

    private static String url;
    private static HikariDataSource replicaA;
    private static HikariDataSource replicaB;

    @BeforeAll
    static void database() {
        url = TestDatabases.newPostgresDatabase("budget");
        Flyway.configure().dataSource(url, TestDatabases.POSTGRES_USER, "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        replicaA = pool("replica-a");
        replicaB = pool("replica-b");
    }

    @AfterAll
    static void closePools() {
        replicaA.close();
        replicaB.close();
    }

    static HikariDataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(TestDatabases.POSTGRES_USER);
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    @Test
    void twoReplicasHammeringOneServerNeverStartMoreThanItsBudgetInAnyWindowAndUseNearlyAllOfIt() throws Exception {
        int permits = 20;
        Duration window = Duration.ofSeconds(1);
        Duration run = Duration.ofSeconds(6);
        List<Long> starts = hammer(permits, window, run);

        Collections.sort(starts);
        for (int i = 0; i + permits < starts.size(); i++) {
            assertThat(starts.get(i + permits) - starts.get(i)).as("start %d and the %dth after it", i, permits)
                    .isGreaterThanOrEqualTo(window.toNanos());
        }
        long first = starts.get(0);
        int windows = 5;
        long within = starts.stream().filter(start -> start - first < windows * window.toNanos()).count();
        assertThat(within).as("starts in the first %d windows, demand exceeding the budget", windows)
                .isLessThanOrEqualTo((long) windows * permits)
                .isGreaterThanOrEqualTo((long) (0.9 * windows * permits));
    }

    /** Two replicas of four threads each take permits of server "HAMMER" as fast as they are given. */
    static List<Long> hammer(int permits, Duration window, Duration run) throws Exception {
        List<CallStartLog> replicas = List.of(
                new DatabaseCallStartLog(replicaA, "HAMMER", permits, window, window.multipliedBy(2)),
                new DatabaseCallStartLog(replicaB, "HAMMER", permits, window, window.multipliedBy(2)));
        long end = System.nanoTime() + run.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Long>>> taken = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                CallStartLog replica = replicas.get(thread % 2);
                taken.add(threads.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        try {
                            mine.add(replica.acquireStart());
                        } catch (RateBudgetExhaustedException refused) {
                            // Refused after the maximum wait: try again, as a retried job would.
                        }
                    }
                    return mine;
                }));
            }
            List<Long> starts = new ArrayList<>();
            for (Future<List<Long>> future : taken) {
                starts.addAll(future.get());
            }
            return starts;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBudgetSpentOnOneReplicaIsSpentOnTheOther() {
        Duration minute = Duration.ofMinutes(1);
        CallStartLog a = new DatabaseCallStartLog(replicaA, "SPENT", 3, minute, Duration.ZERO);
        CallStartLog b = new DatabaseCallStartLog(replicaB, "SPENT", 3, minute, Duration.ZERO);

        assertThat(b.freeNow()).isEqualTo(3);
        assertThat(List.of(a.tryAcquire(), a.tryAcquire(), a.tryAcquire())).containsOnly(true);

        assertThat(b.tryAcquire()).isFalse();
        assertThat(a.tryAcquire()).isFalse();
        assertThat(b.freeNow()).isZero();
        assertThatThrownBy(b::acquireStart).isInstanceOf(RateBudgetExhaustedException.class)
                .hasMessageContaining("rate budget exhausted for REDCap SPENT");
        assertThat(new RateBudget(b).freeNow()).as("through the API callers use").isZero();
    }

    @Test
    void aLoweredBudgetKeepsTheRecentStartsAndARaisedOneAddsFreeSlots() {
        Duration minute = Duration.ofMinutes(1);
        CallStartLog before = new DatabaseCallStartLog(replicaA, "RESIZE", 4, minute, Duration.ZERO);
        assertThat(List.of(before.tryAcquire(), before.tryAcquire())).containsOnly(true);

        CallStartLog lowered = new DatabaseCallStartLog(replicaB, "RESIZE", 2, minute, Duration.ZERO);
        assertThat(lowered.freeNow()).as("the two slots left are the two just taken").isZero();
        assertThat(lowered.tryAcquire()).isFalse();

        CallStartLog raised = new DatabaseCallStartLog(replicaA, "RESIZE", 5, minute, Duration.ZERO);
        assertThat(raised.freeNow()).isEqualTo(3);
        assertThat(List.of(raised.tryAcquire(), raised.tryAcquire(), raised.tryAcquire())).containsOnly(true);
        assertThat(raised.tryAcquire()).isFalse();
    }
}
