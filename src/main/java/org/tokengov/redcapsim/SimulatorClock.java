package org.tokengov.redcapsim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The simulated servers' local time, as REDCap takes it: its NOW is the wall-clock time of the server's own time zone
 * (REDCAP-FACTS.md 6), used for log timestamps, to-do and project times and expiration dates. Tests may move it; the
 * rate limiter does not follow them, as it counts real requests in real time.
 */
@Component
@ConditionalOnRedcapSimulator
class SimulatorClock {

    private final ZoneId zone;
    private volatile Clock clock = Clock.systemUTC();

    @Autowired
    SimulatorClock(RedcapSimProperties properties) {
        this(properties.timeZone());
    }

    SimulatorClock(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), zone);
    }

    LocalDate today() {
        return now().toLocalDate();
    }

    /** Real time in the server's zone, whatever a test did to {@link #now()}. */
    LocalDateTime wallClockNow() {
        return LocalDateTime.now(Clock.system(zone));
    }

    /** Lets tests put events at known moments: the clock's instant, seen in the server's zone. */
    void use(Clock clock) {
        this.clock = clock;
    }
}
