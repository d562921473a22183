package org.tokengov.redcap;

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
import org.tokengov.testsupport.TestDatabases;

/**
 * Two replicas of the app as far as the shared rate budget goes: a new PostgreSQL database with the app's migrations,
 * and two connection pools on it, each replica taking permits through its own.
 */
final class TwoReplicas implements AutoCloseable {

    final HikariDataSource a;
    final HikariDataSource b;

    private TwoReplicas(String url) {
        this.a = pool(url, "replica-a");
        this.b = pool(url, "replica-b");
    }

    static TwoReplicas onNewDatabase() {
        String url = TestDatabases.newPostgresDatabase("budget");
        Flyway.configure().dataSource(url, TestDatabases.POSTGRES_USER, "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        return new TwoReplicas(url);
    }

    private static HikariDataSource pool(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(TestDatabases.POSTGRES_USER);
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    /**
     * Both replicas' threads take permits of {@code server} as fast as they are given, for {@code run}, a refused one
     * tried again (as a retried job would); returns every start, on the database's clock, in order.
     */
    List<Long> hammer(String server, int permits, Duration window, int threadsEach, Duration run) throws Exception {
        List<CallStartLog> replicas = List.of(
                new DatabaseCallStartLog(a, server, permits, window, window.multipliedBy(2)),
                new DatabaseCallStartLog(b, server, permits, window, window.multipliedBy(2)));
        long end = System.nanoTime() + run.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(2 * threadsEach);
        try {
            List<Future<List<Long>>> taken = new ArrayList<>();
            for (int thread = 0; thread < 2 * threadsEach; thread++) {
                CallStartLog replica = replicas.get(thread % 2);
                taken.add(threads.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        try {
                            mine.add(replica.acquireStart());
                        } catch (RateBudgetExhaustedException refused) {
                            // Tried again at once: the demand always exceeds the budget.
                        }
                    }
                    return mine;
                }));
            }
            List<Long> starts = new ArrayList<>();
            for (Future<List<Long>> future : taken) {
                starts.addAll(future.get());
            }
            Collections.sort(starts);
            return starts;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The most starts within any window (a half-open interval of the window's length), of starts in order. */
    static int mostInAnyWindow(List<Long> starts, Duration window) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < starts.size(); last++) {
            while (starts.get(last) - starts.get(first) >= window.toNanos()) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
