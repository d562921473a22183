package org.tokengov.redcap;

import java.util.concurrent.TimeUnit;

/** A monotonic clock and a way to wait on it; tests swap in a fake one so nothing really sleeps. */
interface TimeSource {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** Waits at least {@code nanos} on this clock (callers re-check the clock afterwards). */
    void sleep(long nanos) throws InterruptedException;

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }

        @Override
        public String toString() {
            return "TimeSource.SYSTEM";
        }
    };
}
