package org.tokengov.redcap;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client-side call budget for one REDCap server: no more than {@code permits} calls start in any
 * sliding window (a minute and a margin in production), far below REDCap's own limiter, which bans an IP for good.
 *
 * <p>The starts are recorded in a {@link CallStartLog}: in this JVM for a single node ({@link JvmCallStartLog}), or in
 * the app's PostgreSQL database, where every replica takes its permits from the same log
 * ({@link DatabaseCallStartLog}), so all replicas together stay within the budget. {@link RateBudgets} chooses.
 */
public final class RateBudget {

    /**
     * A minute plus a margin: the budget spaces out when calls start, REDCap counts when they arrive (and logs them
     * to the second), and under load arrivals bunch up by up to a second or so.
     */
    public static final Duration WINDOW = Duration.ofMinutes(1).plusSeconds(2);

    /** When the next free call is not known: the shortest wait of refused work, and how far beyond it waits spread. */
    static final Duration LATER_WINDOW_SHORTEST = Duration.ofSeconds(15);
    static final Duration LATER_WINDOW_SPREAD = Duration.ofSeconds(30);
    /**
     * When it is known: how far beyond it the waiters are spread, one maximum wait, as each may wait that long in its
     * thread for a slot; and the shortest wait, so refused work never comes straight back.
     */
    static final Duration NEXT_SLOT_SPREAD = RateBudgets.DEFAULT_MAX_WAIT;
    static final Duration NEXT_SLOT_SHORTEST = Duration.ofSeconds(1);

    private final CallStartLog starts;

    /** A budget of {@code permitsPerMinute} calls in any sliding minute of this JVM, waiting at most {@code maxWait}. */
    public RateBudget(String name, int permitsPerMinute, Duration maxWait) {
        this(name, permitsPerMinute, WINDOW, maxWait, TimeSource.SYSTEM);
    }

    RateBudget(String name, int permits, Duration window, Duration maxWait, TimeSource time) {
        this(new JvmCallStartLog(name, permits, window, maxWait, time));
    }

    RateBudget(CallStartLog starts) {
        this.starts = Objects.requireNonNull(starts, "starts");
    }

    /**
     * Takes one permit: returns when the call may start, after waiting if need be.
     *
     * @throws RedcapUnavailableException if the next free slot is further away than the maximum wait, the
     *         thread was interrupted while waiting, or the shared budget could not be read; the job should try
     *         again later
     */
    public void acquire() {
        starts.acquireStart();
    }

    /**
     * Takes one permit only if a call may start right now, never waiting: for calls that are worth less than the work
     * queued behind the budget (a health check must not delay a revocation, nor wait for one).
     *
     * @return whether a permit was taken; if not, nothing was recorded
     * @throws RedcapUnavailableException if the shared budget could not be read
     */
    public boolean tryAcquire() {
        return starts.tryAcquire();
    }

    /** As {@link #acquire()}; returns the recorded start on the log's clock (for tests). */
    long acquireStart() {
        return starts.acquireStart();
    }

    /**
     * How many calls could start right now without waiting: the permits not taken by calls of the last window (nor,
     * in this JVM, reserved by callers waiting for a slot). For work that leaves the rest of the budget to others.
     */
    public int freeNow() {
        return starts.freeNow();
    }

    /** How long until the next call may start (zero if one may start now), however many replicas share the budget. */
    public Duration untilNextSlot() {
        return Duration.ofNanos(starts.nanosUntilNextSlot());
    }

    /**
     * How long work refused by a spent budget waits before it tries again, when the budget's next free call is
     * {@code nextSlotIn} away: until that slot frees, spread at random over one maximum wait after it (at least 1 s),
     * so the waiters come back while the slots free one after another instead of all at once, and no slot stays
     * unused while work waits out a blind interval.
     */
    public static Duration laterWindowWait(Duration nextSlotIn) {
        Duration wait = (nextSlotIn.isNegative() ? Duration.ZERO : nextSlotIn)
                .plusMillis(ThreadLocalRandom.current().nextLong(NEXT_SLOT_SPREAD.toMillis()));
        return wait.compareTo(NEXT_SLOT_SHORTEST) < 0 ? NEXT_SLOT_SHORTEST : wait;
    }

    /**
     * As above when the next free call is not known: about half a window, spread at random so that hundreds of
     * waiting steps do not all come back in the same second (15 to 45 s).
     */
    public static Duration laterWindowWait() {
        return LATER_WINDOW_SHORTEST.plusMillis(ThreadLocalRandom.current().nextLong(LATER_WINDOW_SPREAD.toMillis()));
    }

    public int permitsPerWindow() {
        return starts.permits;
    }

    @Override
    public String toString() {
        return "RateBudget[" + starts + "]";
    }
}
