package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Decides, once the event is in effect, whether it still applies (see EffectiveDates). */
@Component("decideEventActionDelegate")
class DecideEventActionDelegate extends OffboardingStepDelegate {

    private final EffectiveDates dates;

    DecideEventActionDelegate(OffboardingEvents events, EffectiveDates dates) {
        super(events);
        this.dates = dates;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        execution.setVariable(OffboardingVariables.EVENT_ACTION, dates.actionFor(event).name());
    }
}
