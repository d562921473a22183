package org.tokengov.redcap;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The client-side call budget for one REDCap server: no more than {@code permits} calls start in any
 * sliding window (a minute and a margin in production), far below REDCap's own limiter, which bans an IP for good.
 *
 * <p>How it works, in two steps:
 * <ol>
 *   <li><b>Reserve a slot</b> (under the lock): the slot is now, or, when the last {@code permits}
 *       reservations are all younger than a window, the oldest of them plus one window. A caller whose slot
 *       is further away than {@code maxWait} is refused at once with {@link RedcapUnavailableException}
 *       ("rate budget exhausted"), so its job is retried later instead of parking a thread. Reservations
 *       give waiting callers a first-come order and spread them out.</li>
 *   <li><b>Start</b>: the caller sleeps until its slot, then, under the lock, checks the log of the last
 *       {@code permits} actual start times and records its own start only if the oldest of them is at least
 *       one window old; otherwise (possible only when a thread overslept its slot) it waits again, still
 *       bounded by {@code maxWait}.</li>
 * </ol>
 * Why the guarantee holds: start times are read from a monotonic clock and recorded under one lock, so they
 * are recorded in non-decreasing order. Suppose starts {@code g0 <= ... <= gN} ({@code N = permits}) all fell
 * in one window, i.e. {@code gN - g0 < window}. When {@code gN} was recorded the log held exactly
 * {@code g0..gN-1}, its oldest entry {@code g0}, and recording required {@code g0 + window <= gN}:
 * a contradiction. Hence at most {@code permits} starts in any window, whatever the threads do.
 *
 * <p>The budget counts calls of this JVM only: with several replicas, each has its own budget.
 */
public final class RateBudget {

    /**
     * A minute plus a margin: the budget spaces out when calls start, REDCap counts when they arrive (and logs them
     * to the second), and under load arrivals bunch up by up to a second or so.
     */
    public static final Duration WINDOW = Duration.ofMinutes(1).plusSeconds(2);

    private final String name;
    private final int permits;
    private final long windowNanos;
    private final long maxWaitNanos;
    private final TimeSource time;

    /** Slots handed out, at most {@code permits} of them, oldest first. Guarded by {@code this}. */
    private final ArrayDeque<Long> reservations = new ArrayDeque<>();
    /** Actual start times, at most {@code permits} of them, oldest first. Guarded by {@code this}. */
    private final ArrayDeque<Long> starts = new ArrayDeque<>();

    /** A budget of {@code permitsPerMinute} calls in any sliding minute, waiting at most {@code maxWait} for a slot. */
    public RateBudget(String name, int permitsPerMinute, Duration maxWait) {
        this(name, permitsPerMinute, WINDOW, maxWait, TimeSource.SYSTEM);
    }

    RateBudget(String name, int permits, Duration window, Duration maxWait, TimeSource time) {
        if (permits <= 0) {
            throw new IllegalArgumentException("A rate budget needs at least one call per window, not " + permits);
        }
        if (window.isNegative() || window.isZero() || maxWait.isNegative()) {
            throw new IllegalArgumentException("The window must be positive and the maximum wait not negative");
        }
        this.name = Objects.requireNonNull(name, "name");
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * Takes one permit: returns when the call may start, after waiting if need be.
     *
     * @throws RedcapUnavailableException if the next free slot is further away than the maximum wait, or the
     *         thread was interrupted while waiting; the job should try again later
     */
    public void acquire() {
        acquireStart();
    }

    /**
     * Takes one permit only if a call may start right now, never waiting: for calls that are worth less than the work
     * queued behind the budget (a health check must not delay a revocation, nor wait for one).
     *
     * @return whether a permit was taken; if not, nothing was recorded
     */
    public synchronized boolean tryAcquire() {
        long now = time.nanoTime();
        boolean slotFree = reservations.size() < permits || reservations.peekFirst() + windowNanos - now <= 0;
        boolean startFree = starts.size() < permits || starts.peekFirst() + windowNanos - now <= 0;
        if (!slotFree || !startFree) {
            return false;
        }
        // Exactly what acquire() records for a slot that is now and a start that need not wait.
        reservations.addLast(now);
        if (reservations.size() > permits) {
            reservations.removeFirst();
        }
        starts.addLast(now);
        if (starts.size() > permits) {
            starts.removeFirst();
        }
        return true;
    }

    /** As {@link #acquire()}; returns the recorded start on the budget's clock (for tests). */
    long acquireStart() {
        long deadline;
        long slot;
        synchronized (this) {
            long now = time.nanoTime();
            deadline = now + maxWaitNanos;
            slot = reservations.size() < permits ? now : Math.max(now, reservations.peekFirst() + windowNanos);
            if (slot - now > maxWaitNanos) {
                throw exhausted(slot - now);
            }
            reservations.addLast(slot);
            if (reservations.size() > permits) {
                reservations.removeFirst();
            }
        }
        sleepUntil(slot);
        while (true) {
            long earliest;
            synchronized (this) {
                long now = time.nanoTime();
                earliest = starts.size() < permits ? now : starts.peekFirst() + windowNanos;
                if (earliest - now <= 0) {
                    starts.addLast(now);
                    if (starts.size() > permits) {
                        starts.removeFirst();
                    }
                    return now;
                }
                if (earliest - deadline > 0) {
                    throw exhausted(earliest - now);
                }
            }
            sleepUntil(earliest);
        }
    }

    private void sleepUntil(long target) {
        try {
            for (long left = target - time.nanoTime(); left > 0; left = target - time.nanoTime()) {
                time.sleep(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedcapUnavailableException("Interrupted while waiting for the rate budget of REDCap " + name);
        }
    }

    private RateBudgetExhaustedException exhausted(long waitNanos) {
        return new RateBudgetExhaustedException("rate budget exhausted for REDCap " + name + ": " + permits
                + " calls per " + Duration.ofNanos(windowNanos).toSeconds() + " s already used; the next slot is "
                + Duration.ofNanos(waitNanos).toMillis() + " ms away, longer than the maximum wait of "
                + Duration.ofNanos(maxWaitNanos).toMillis() + " ms; try again later");
    }

    /**
     * How many calls could start right now without waiting: the permits not taken by calls of the last window, nor
     * reserved by callers waiting for a slot. For work that leaves the rest of the budget to others.
     */
    public synchronized int freeNow() {
        long now = time.nanoTime();
        long started = starts.stream().filter(start -> start + windowNanos - now > 0).count();
        long reserved = reservations.stream().filter(slot -> slot + windowNanos - now > 0).count();
        return (int) Math.max(0, permits - Math.max(started, reserved));
    }

    public int permitsPerWindow() {
        return permits;
    }

    @Override
    public String toString() {
        return "RateBudget[" + name + ", " + permits + " calls per " + Duration.ofNanos(windowNanos) + ", max wait "
                + Duration.ofNanos(maxWaitNanos) + "]";
    }
}
