package org.tokengov.redcap;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a {@link RateBudget} records when its calls start: a sliding-window log of the last {@code permits} starts, so
 * no more than {@code permits} calls start in any window. Kept in this JVM ({@link JvmCallStartLog}) or in the app's
 * PostgreSQL database for all replicas ({@link DatabaseCallStartLog}).
 */
abstract class CallStartLog {

    final String name;
    final int permits;
    final long windowNanos;
    final long maxWaitNanos;

    CallStartLog(String name, int permits, Duration window, Duration maxWait) {
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
    }

    /** Records a start only if a call may start right now, never waiting. */
    abstract boolean tryAcquire();

    /**
     * Records a start, waiting for a free slot at most the maximum wait; returns the start on the log's clock.
     *
     * @throws RedcapUnavailableException if no slot frees soon enough, or the log cannot be read
     */
    abstract long acquireStart();

    /** How many calls could start right now without waiting. */
    abstract int freeNow();

    /** How long until the next call may start: zero if one may start now. */
    abstract long nanosUntilNextSlot();

    RateBudgetExhaustedException exhausted(long waitNanos) {
        return new RateBudgetExhaustedException("rate budget exhausted for REDCap " + name + ": " + permits
                + " calls per " + Duration.ofNanos(windowNanos).toSeconds() + " s already used; the next slot is "
                + Duration.ofNanos(waitNanos).toMillis() + " ms away, longer than the maximum wait of "
                + Duration.ofNanos(maxWaitNanos).toMillis() + " ms; try again later", Duration.ofNanos(waitNanos));
    }

    RedcapUnavailableException interrupted() {
        Thread.currentThread().interrupt();
        return new RedcapUnavailableException("Interrupted while waiting for the rate budget of REDCap " + name);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + permits + " calls per " + Duration.ofNanos(windowNanos)
                + ", max wait " + Duration.ofNanos(maxWaitNanos) + "]";
    }
}
