package org.tokengov.offboarding;

import org.springframework.stereotype.Component;

/** The timers of TerminationWaveProcess, from {@link MassTerminationProperties}. */
@Component("massTerminationTimes")
public class MassTerminationTimes {

    private final MassTerminationProperties properties;

    MassTerminationTimes(MassTerminationProperties properties) {
        this.properties = properties;
    }

    /** ISO 8601 repeating interval of the reminders. */
    public String getReminderCycle() {
        return properties.reminderCycle();
    }

    /** ISO 8601 duration after which an undecided wave is confirmed. */
    public String getDecisionDeadline() {
        return properties.decisionDeadline().toString();
    }
}
