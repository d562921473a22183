package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A rehire revokes nothing; it is kept so that earlier-dated terminations arriving late are ignored. */
@Component("recordRehireDelegate")
class RecordRehireDelegate extends OffboardingStepDelegate {

    private final EffectiveDates dates;

    RecordRehireDelegate(OffboardingEvents events, EffectiveDates dates) {
        super(events);
        this.dates = dates;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        dates.recordRehire(event);
    }
}
