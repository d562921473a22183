package org.tokengov.offboarding;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The counting rule of the mass-termination guard: terminations counted since the window's start, or since the last
 * wave was decided if that is later (a decided wave's members do not open the next one), make a wave once there are
 * more than the threshold.
 */
record TerminationWindow(int threshold, Duration window) {

    TerminationWindow {
        if (threshold < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A threshold of at least 1 and a positive window are needed");
        }
    }

    /** Counted terminations at or after this moment make up the window. */
    Instant countsFrom(Instant now, Optional<Instant> lastDecision) {
        Instant start = now.minus(window);
        return lastDecision.filter(decided -> decided.isAfter(start)).orElse(start);
    }

    boolean isWave(long countedInWindow) {
        return countedInWindow > threshold;
    }
}
