package org.tokengov.redcap;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The call starts of one REDCap server's budget, kept in this JVM: right for a single node (the embedded default).
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
 */
final class JvmCallStartLog extends CallStartLog {

    private final TimeSource time;

    /** Slots handed out, at most {@code permits} of them, oldest first. Guarded by {@code this}. */
    private final ArrayDeque<Long> reservations = new ArrayDeque<>();
    /** Actual start times, at most {@code permits} of them, oldest first. Guarded by {@code this}. */
    private final ArrayDeque<Long> starts = new ArrayDeque<>();

    JvmCallStartLog(String name, int permits, Duration window, Duration maxWait, TimeSource time) {
        super(name, permits, window, maxWait);
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    synchronized boolean tryAcquire() {
        long now = time.nanoTime();
        boolean slotFree = reservations.size() < permits || reservations.peekFirst() + windowNanos - now <= 0;
        boolean startFree = starts.size() < permits || starts.peekFirst() + windowNanos - now <= 0;
        if (!slotFree || !startFree) {
            return false;
        }
        // Exactly what acquireStart() records for a slot that is now and a start that need not wait.
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

    @Override
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
            throw interrupted();
        }
    }

    /** Until the oldest slot handed out (to a call or to a caller waiting for one) leaves the window. */
    @Override
    synchronized long nanosUntilNextSlot() {
        if (reservations.size() < permits) {
            return 0;
        }
        return Math.max(0, reservations.peekFirst() + windowNanos - time.nanoTime());
    }

    /** The permits not taken by calls of the last window, nor reserved by callers waiting for a slot. */
    @Override
    synchronized int freeNow() {
        long now = time.nanoTime();
        long started = starts.stream().filter(start -> start + windowNanos - now > 0).count();
        long reserved = reservations.stream().filter(slot -> slot + windowNanos - now > 0).count();
        return (int) Math.max(0, permits - Math.max(started, reserved));
    }
}
