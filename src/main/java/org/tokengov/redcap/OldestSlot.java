package org.tokengov.redcap;

import java.time.Duration;
import java.time.Instant;

/** The slot of a shared budget that started longest ago, read at {@code now} on the database's clock. */
record OldestSlot(int slot, Instant startedAt, Instant now) {

    /** How long until a call may start on this slot: a window after its last start, or zero if that has passed. */
    Duration untilFree(Duration window) {
        Duration left = Duration.between(now, startedAt.plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
