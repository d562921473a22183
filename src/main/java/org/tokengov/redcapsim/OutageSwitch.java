package org.tokengov.redcapsim;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The outage mode of one simulated server; API calls that arrive during a hang wait here. */
final class OutageSwitch {

    private OutageMode mode = OutageMode.NONE;

    synchronized OutageMode mode() {
        return mode;
    }

    /** Returns the mode that was in force before. */
    synchronized OutageMode set(OutageMode mode) {
        OutageMode before = this.mode;
        this.mode = mode;
        notifyAll();
        return before;
    }

    /**
     * Waits while the server hangs, but no longer than {@code longest}; returns the mode in force
     * afterwards, which is still {@link OutageMode#HANG} if the hang outlasted the wait.
     */
    synchronized OutageMode awaitEndOfHang(Duration longest) throws InterruptedException {
        long deadline = System.nanoTime() + longest.toNanos();
        while (mode == OutageMode.HANG) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return mode;
    }
}
