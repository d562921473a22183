package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CountTermination}: counts a due termination for the mass-termination guard, which holds it in a wave
 * when more than the threshold arrive within the window. In the event's own transaction, so it adds no job to the
 * path a leaver's tokens wait on.
 */
@Component("countTerminationDelegate")
class CountTerminationDelegate extends OffboardingStepDelegate {

    private final MassTerminationGuard guard;

    CountTerminationDelegate(OffboardingEvents events, MassTerminationGuard guard) {
        super(events);
        this.guard = guard;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        guard.count(event);
    }
}
