package org.tokengov.inactivity;

import org.springframework.stereotype.Component;

/** The sweep's timer settings as the BPMN reads them ({@code ${inactivitySweepSchedule.cycle}}). */
@Component("inactivitySweepSchedule")
public class InactivitySweepSchedule {

    private final InactivityProperties properties;

    InactivitySweepSchedule(InactivityProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.sweepCycle();
    }

    /** ISO 8601 duration for the timer between batches. */
    public String getBatchInterval() {
        return properties.batchInterval().toString();
    }
}
