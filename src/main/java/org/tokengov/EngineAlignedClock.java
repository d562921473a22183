package org.tokengov;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The app's clock follows the engine's ({@link ClockUtil}), so that when tests move engine time,
 * registry dates and audit timestamps move with it. In production both are the system clock.
 */
final class EngineAlignedClock extends Clock {

    private final ZoneId zone;

    EngineAlignedClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new EngineAlignedClock(newZone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }

    static Clock utc() {
        return new EngineAlignedClock(ZoneOffset.UTC);
    }
}
