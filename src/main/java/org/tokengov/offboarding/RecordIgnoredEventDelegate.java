package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A later-dated event made this one moot: recorded, nothing revoked. */
@Component("recordIgnoredEventDelegate")
class RecordIgnoredEventDelegate extends OffboardingStepDelegate {

    private final EffectiveDates dates;

    RecordIgnoredEventDelegate(OffboardingEvents events, EffectiveDates dates) {
        super(events);
        this.dates = dates;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        dates.recordIgnored(event);
    }
}
