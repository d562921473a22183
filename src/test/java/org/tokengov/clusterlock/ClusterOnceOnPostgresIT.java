package org.tokengov.clusterlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.tokengov.testsupport.TestDatabases;

/**
 * Two replicas on one PostgreSQL database, each with several threads taking the same lease as fast as they can: the
 * guarded work never runs twice at once, and both replicas get their turns.
 */
class ClusterOnceOnPostgresIT {

    static final int THREADS_PER_REPLICA = 4;
    static final int ATTEMPTS_PER_THREAD = 150;

    @Test
    void theGuardedWorkNeverRunsOnTwoReplicasAtOnce() throws Exception {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                TestDatabases.newPostgresDatabase("lease"), TestDatabases.POSTGRES_USER, "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common",
                "classpath:db/migration/postgresql").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        List<ClusterOnce> replicas = List.of(
                new ClusterOnce(jdbc, transactions, Clock.systemUTC(), "replica-a"),
                new ClusterOnce(jdbc, transactions, Clock.systemUTC(), "replica-b"));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger[] runsBy = {new AtomicInteger(), new AtomicInteger()};

        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_REPLICA);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < replicas.size(); r++) {
            ClusterOnce replica = replicas.get(r);
            AtomicInteger runs = runsBy[r];
            for (int t = 0; t < THREADS_PER_REPLICA; t++) {
                done.add(threads.submit(() -> {
                    for (int attempt = 0; attempt < ATTEMPTS_PER_THREAD; attempt++) {
                        replica.run("hammered", Duration.ofMinutes(1), () -> {
                            if (inside.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            runs.incrementAndGet();
                            Thread.yield();
                            inside.decrementAndGet();
                        });
                    }
                }));
            }
        }
        for (Future<?> thread : done) {
            thread.get(2, TimeUnit.MINUTES);
        }
        threads.shutdown();

        assertThat(overlaps).as("runs overlapping another").hasValue(0);
        assertThat(runsBy[0]).as("replica A's runs").hasPositiveValue();
        assertThat(runsBy[1]).as("replica B's runs").hasPositiveValue();
    }
}
