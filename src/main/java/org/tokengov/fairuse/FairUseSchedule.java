package org.tokengov.fairuse;

import org.springframework.stereotype.Component;

/** The monitor's timer as the BPMN reads it ({@code ${fairUseSchedule.cycle}}). */
@Component("fairUseSchedule")
public class FairUseSchedule {

    private final FairUseProperties properties;

    FairUseSchedule(FairUseProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.cycle();
    }
}
