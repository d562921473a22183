package org.tokengov.redcap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The call starts of one REDCap server's budget, kept in the app's PostgreSQL database so that every replica takes its
 * permits from the same log: together they never start more than {@code permits} calls in any window.
 *
 * <p>The server has {@code permits} slots (table {@code redcap_rate_slot}), each holding when a call last started on
 * it, on the database's clock, the one clock all replicas share. Taking a permit is one short transaction: lock the
 * slot that started longest ago ({@code for update skip locked}, so concurrent takers lock different slots and never
 * wait on each other), then restart it now only if its last start is at least one window old.
 *
 * <p>Why the guarantee holds: a slot is restarted only under its row lock, at a time at least one window after its
 * previous start, so its starts are a window apart. {@code permits + 1} starts within one window would need two on the
 * same slot (there are only {@code permits} slots): a contradiction. This holds whichever slot a taker locks, so a
 * taker that finds the oldest slot locked and is refused only retries; it never over-grants. It assumes the database
 * server's clock does not step back by more than the window's margin ({@link RateBudget#WINDOW}).
 *
 * <p>Waiting callers are not queued: each sleeps until the oldest slot frees, then tries again, until its maximum wait.
 */
final class DatabaseCallStartLog extends CallStartLog {

    /** How long to wait when every slot is locked by another taker at this instant (each holds it for a moment). */
    private static final long ALL_SLOTS_BUSY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final String LOCK_OLDEST = "select slot, started_at, clock_timestamp() from redcap_rate_slot"
            + " where environment = ? order by started_at, slot limit 1 for update skip locked";
    private static final String RESTART = "update redcap_rate_slot set started_at = clock_timestamp()"
            + " where environment = ? and slot = ? and started_at <= clock_timestamp() - ? * interval '1 microsecond'"
            + " returning started_at";
    private static final String READ_OLDEST = "select slot, started_at, clock_timestamp() from redcap_rate_slot"
            + " where environment = ? order by started_at, slot limit 1";
    private static final String COUNT_FREE = "select count(*) from redcap_rate_slot"
            + " where environment = ? and started_at <= clock_timestamp() - ? * interval '1 microsecond'";

    private final DataSource database;
    private final Duration window;
    private volatile boolean sized;

    DatabaseCallStartLog(DataSource database, String name, int permits, Duration window, Duration maxWait) {
        super(name, permits, window, maxWait);
        this.database = Objects.requireNonNull(database, "database");
        this.window = window;
    }

    @Override
    boolean tryAcquire() {
        return attempt().granted();
    }

    @Override
    long acquireStart() {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (true) {
            Attempt attempt = attempt();
            if (attempt.granted()) {
                return attempt.startEpochNanos();
            }
            long wait = attempt.waitNanos();
            if (System.nanoTime() + wait - deadline > 0) {
                throw exhausted(wait);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                throw interrupted();
            }
        }
    }

    @Override
    int freeNow() {
        sizeOnce();
        return inTransaction("count the free permits of", connection -> {
            try (PreparedStatement count = connection.prepareStatement(COUNT_FREE)) {
                count.setString(1, name);
                count.setLong(2, micros(window));
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return Math.min(permits, rows.getInt(1));
                }
            }
        });
    }

    /** Until the slot that started longest ago may start again, read without locking (a hint, not a permit). */
    @Override
    long nanosUntilNextSlot() {
        sizeOnce();
        return inTransaction("read the next free permit of", connection -> {
            try (PreparedStatement read = connection.prepareStatement(READ_OLDEST)) {
                read.setString(1, name);
                try (ResultSet rows = read.executeQuery()) {
                    if (!rows.next()) {
                        return 0L;
                    }
                    return new OldestSlot(rows.getInt(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getObject(3, OffsetDateTime.class).toInstant()).untilFree(window).toNanos();
                }
            }
        });
    }

    /** One try at a permit: the start taken, or how long until the oldest slot may be restarted. */
    private Attempt attempt() {
        sizeOnce();
        return inTransaction("take a permit from", connection -> {
            OldestSlot oldest;
            try (PreparedStatement lock = connection.prepareStatement(LOCK_OLDEST)) {
                lock.setString(1, name);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next()) {
                        return Attempt.refused(ALL_SLOTS_BUSY_NANOS);
                    }
                    oldest = new OldestSlot(rows.getInt(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getObject(3, OffsetDateTime.class).toInstant());
                }
            }
            // The decision is the update's own condition, read under the row lock on the clock of that moment.
            try (PreparedStatement restart = connection.prepareStatement(RESTART)) {
                restart.setString(1, name);
                restart.setInt(2, oldest.slot());
                restart.setLong(3, micros(window));
                try (ResultSet rows = restart.executeQuery()) {
                    if (rows.next()) {
                        return Attempt.granted(rows.getObject(1, OffsetDateTime.class).toInstant());
                    }
                }
            }
            return Attempt.refused(Math.max(ALL_SLOTS_BUSY_NANOS, oldest.untilFree(window).toNanos()));
        });
    }

    /**
     * Gives the server exactly {@code permits} slots, once per log: new slots are free at once; when the budget was
     * lowered, the slots that started longest ago go, so the recent starts still count. Replicas resize one at a time
     * (the server's row is locked), and the slots are locked first, so no taker's restart is lost.
     */
    private void sizeOnce() {
        if (sized) {
            return;
        }
        synchronized (this) {
            if (sized) {
                return;
            }
            inTransaction("size", connection -> {
                execute(connection, "insert into redcap_rate_budget (environment, permits) values (?, ?)"
                        + " on conflict (environment) do nothing", name, permits);
                execute(connection, "select permits from redcap_rate_budget where environment = ? for update", name);
                execute(connection, "select slot from redcap_rate_slot where environment = ? for update", name);
                execute(connection, "delete from redcap_rate_slot where environment = ? and slot in (select slot"
                        + " from redcap_rate_slot where environment = ? order by started_at desc, slot desc offset ?)",
                        name, name, permits);
                execute(connection, "insert into redcap_rate_slot (environment, slot, started_at)"
                        + " select ?, (select coalesce(max(slot), 0) from redcap_rate_slot where environment = ?) + n,"
                        + " timestamp with time zone '1970-01-01 00:00:00+00' from generate_series(1, ? -"
                        + " (select count(*) from redcap_rate_slot where environment = ?)::integer) n",
                        name, name, permits, name);
                execute(connection, "update redcap_rate_budget set permits = ? where environment = ?", permits, name);
                return null;
            });
            sized = true;
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.in(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            // The SQL state only: a driver's message may quote the connection's settings.
            throw new RedcapUnavailableException("Could not " + what + " the shared rate budget of REDCap " + name
                    + " (SQL state " + e.getSQLState() + "); no call was made, try again later", e);
        }
    }

    private static long micros(Duration duration) {
        return TimeUnit.NANOSECONDS.toMicros(duration.toNanos());
    }

    @FunctionalInterface
    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    private record Attempt(boolean granted, long startEpochNanos, long waitNanos) {

        static Attempt granted(Instant start) {
            return new Attempt(true, TimeUnit.SECONDS.toNanos(start.getEpochSecond()) + start.getNano(), 0);
        }

        static Attempt refused(long waitNanos) {
            return new Attempt(false, 0, waitNanos);
        }
    }
}
