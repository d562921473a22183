package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A step of OffboardingProcess: reads the process's event, then does one thing with it. */
abstract class OffboardingStepDelegate implements JavaDelegate {

    private final OffboardingEvents events;

    OffboardingStepDelegate(OffboardingEvents events) {
        this.events = events;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        handle(events.get((String) execution.getVariable(OffboardingVariables.EVENT_ID)), execution);
    }

    abstract void handle(OffboardingEvent event, DelegateExecution execution);
}
