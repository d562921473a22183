package org.tokengov.clusterlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The lease on H2, the embedded default's database: two replicas (two instances with their own ids on one database)
 * never hold it together; an expired lease passes to the other, the holder renews its own, and giving it back lets
 * the other in at once.
 */
class ClusterOnceOnH2Test {

    static final String NAME = "identity-departures";
    static final Duration LEASE = Duration.ofMinutes(10);

    final MovableClock clock = new MovableClock();
    JdbcClient jdbc;
    ClusterOnce replicaA;
    ClusterOnce replicaB;

    @BeforeEach
    void twoReplicasOnOneDatabase() {
        String url = "jdbc:h2:mem:lease-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        replicaA = new ClusterOnce(jdbc, transactions, clock, "replica-a");
        replicaB = new ClusterOnce(jdbc, transactions, clock, "replica-b");
    }

    @Test
    void whileOneReplicaRunsTheWorkTheOtherSkipsIt() {
        AtomicInteger runs = new AtomicInteger();

        boolean ranA = replicaA.run(NAME, LEASE, () -> {
            runs.incrementAndGet();
            assertThat(replicaB.run(NAME, LEASE, runs::incrementAndGet)).as("B while A runs").isFalse();
        });

        assertThat(ranA).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(replicaB.run(NAME, LEASE, runs::incrementAndGet)).as("B once A gave the lease back").isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void anExpiredLeasePassesToTheOtherReplica() {
        assertThat(replicaA.acquire(NAME, LEASE)).isTrue();
        clock.advance(LEASE.minusSeconds(1));
        assertThat(replicaB.acquire(NAME, LEASE)).as("a second before it expires").isFalse();

        clock.advance(Duration.ofSeconds(1));

        assertThat(replicaB.acquire(NAME, LEASE)).as("once A, dead, let it expire").isTrue();
        assertThat(holder()).contains("replica-b");
        assertThat(replicaA.acquire(NAME, LEASE)).as("A, back, while B holds it").isFalse();
    }

    @Test
    void theHolderRenewsItsOwnLease() {
        assertThat(replicaA.acquire(NAME, LEASE)).isTrue();
        clock.advance(LEASE.minusMinutes(1));

        assertThat(replicaA.acquire(NAME, LEASE)).as("renewed by its holder").isTrue();
        clock.advance(Duration.ofMinutes(5));

        assertThat(replicaB.acquire(NAME, LEASE)).as("past the first lease, within the renewed one").isFalse();
    }

    @Test
    void releasingLetsTheOtherInAndALateReleaseDoesNotFreeAnotherHoldersLease() {
        assertThat(replicaA.acquire(NAME, LEASE)).isTrue();
        replicaA.release(NAME);
        assertThat(replicaB.acquire(NAME, LEASE)).as("at once after A gave it back").isTrue();

        replicaA.release(NAME);

        assertThat(replicaA.acquire(NAME, LEASE)).as("A's release did not free B's lease").isFalse();
    }

    @Test
    void leasesOfDifferentWorkAreIndependentAndWorkThatFailsGivesItsLeaseBack() {
        assertThat(replicaA.acquire(NAME, LEASE)).isTrue();
        assertThat(replicaB.run("request-button-poll", LEASE, () -> { })).isTrue();

        try {
            replicaB.run("request-button-poll", LEASE, () -> {
                throw new IllegalStateException("REDCap is down");
            });
        } catch (IllegalStateException expected) {
            // the work's own failure reaches the caller
        }

        assertThat(replicaA.run("request-button-poll", LEASE, () -> { })).isTrue();
    }

    @Test
    void workCalledAgainFromInsideItselfRunsWithinTheLeaseItHolds() {
        AtomicInteger runs = new AtomicInteger();

        replicaA.run(NAME, LEASE, () -> {
            replicaA.run(NAME, LEASE, runs::incrementAndGet);
            assertThat(replicaB.acquire(NAME, LEASE)).as("still held after the inner run").isFalse();
        });

        assertThat(runs).hasValue(1);
    }

    private Optional<String> holder() {
        return jdbc.sql("select held_by from scheduled_lease where name = ?").param(NAME).query(String.class).optional();
    }

    /** A wall clock the test moves. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-06T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
