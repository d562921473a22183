package org.tokengov.redcapsim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/** The simulated servers' local time, as REDCap uses it: log timestamps and expiration dates. */
@Component
@ConditionalOnRedcapSimulator
class SimulatorClock {

    private volatile Clock clock = Clock.systemDefaultZone();

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Lets tests put log events at known moments. */
    void use(Clock clock) {
        this.clock = clock;
    }
}
