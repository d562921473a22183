package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SuspendRedcapAccount}: a person who left the organisation has their REDCap account suspended on every
 * server, so REDCap refuses every token they hold, including any made outside this system. The notice that follows
 * tells the PIs and administrators what was done.
 */
@Component("suspendRedcapAccountDelegate")
class SuspendRedcapAccountDelegate extends OffboardingStepDelegate {

    private final RedcapAccountSuspensions suspensions;

    SuspendRedcapAccountDelegate(OffboardingEvents events, RedcapAccountSuspensions suspensions) {
        super(events);
        this.suspensions = suspensions;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        suspensions.suspend(event);
    }
}
