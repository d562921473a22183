package org.tokengov.monitoring;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value worked out at most once per {@code maxAge}, however often it is asked for. A failure is kept just as
 * long: while the database is down, a scrape gets its answer at once instead of waiting for the pool's time-out
 * once per gauge.
 *
 * <p>Ages are measured on a monotonic clock, not the app's {@code Clock}, which follows engine time in tests.
 */
final class RecentValue<T> {

    private final Supplier<T> source;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

    private boolean known;
    private long takenAt;
    private T value;
    private RuntimeException failure;

    RecentValue(Supplier<T> source, Duration maxAge, LongSupplier nanoTime) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    RecentValue(Supplier<T> source, Duration maxAge) {
        this(source, maxAge, System::nanoTime);
    }

    synchronized T get() {
        long now = nanoTime.getAsLong();
        if (!known || now - takenAt >= maxAgeNanos) {
            takenAt = now;
            known = true;
            try {
                value = source.get();
                failure = null;
            } catch (RuntimeException e) {
                value = null;
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
