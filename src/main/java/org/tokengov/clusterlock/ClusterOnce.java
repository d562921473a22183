package org.tokengov.clusterlock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a piece of scheduled work only if this replica holds its lease (table {@code scheduled_lease}); a replica that
 * does not get it skips that round. The lease is taken with one conditional update (or, the first time, an insert the
 * primary key lets only one replica win), lasts {@code lease} so a replica that dies holding it blocks the work only
 * that long, and is given back when the work ends. The lease should outlast the work: past it another replica may
 * start. Times are this replica's wall clock, not the engine's (tests move that one), so replicas' clocks must agree
 * (NTP) to well within the leases' lengths. Within one replica the database cannot tell threads apart, so a lock
 * in the JVM makes a second thread wait (briefly, as a lock in the JVM did before) rather than skip; work called
 * again from inside itself runs within the lease it already holds.
 */
@Component
public class ClusterOnce {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String replica;
    private final Map<String, ReentrantLock> runningHere = new ConcurrentHashMap<>();

    @Autowired
    ClusterOnce(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, Clock.systemUTC(), hostName() + "/" + UUID.randomUUID());
    }

    ClusterOnce(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, String replica) {
        this.jdbc = jdbc;
        // The lease is committed before the work starts and is never held hostage by a caller's transaction.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.replica = replica;
    }

    /** Runs {@code work} if this replica gets the lease {@code name}; returns whether it ran. */
    public boolean run(String name, Duration lease, Runnable work) {
        return call(name, lease, () -> {
            work.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Calls {@code work} if this replica gets the lease {@code name}; empty if another holds it. */
    public <T> Optional<T> call(String name, Duration lease, Supplier<T> work) {
        ReentrantLock here = runningHere.computeIfAbsent(name, key -> new ReentrantLock());
        if (here.isHeldByCurrentThread()) {
            return Optional.ofNullable(work.get());
        }
        here.lock();
        try {
            if (!acquire(name, lease)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                release(name);
            }
        } finally {
            here.unlock();
        }
    }

    /** Takes the lease if it is free, expired or already this replica's (then it is renewed). */
    boolean acquire(String name, Duration lease) {
        long now = clock.millis();
        long until = now + lease.toMillis();
        return Boolean.TRUE.equals(ownTransaction.execute(status -> jdbc.sql("""
                update scheduled_lease set held_by = ?, held_until = ?
                where name = ? and (held_until <= ? or held_by = ?)""")
                .params(replica, until, name, now, replica).update() == 1))
                || firstTake(name, until);
    }

    private boolean firstTake(String name, long until) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(
                            "insert into scheduled_lease (name, held_by, held_until) values (?, ?, ?)")
                    .params(name, replica, until).update());
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Gives the lease back, unless it expired meanwhile and another replica took it. */
    void release(String name) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "update scheduled_lease set held_until = ? where name = ? and held_by = ?")
                .params(clock.millis(), name, replica).update());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
