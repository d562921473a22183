package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Tells the affected projects' PIs and the REDCap administrators. */
@Component("notifyPisAndAdminsDelegate")
class NotifyPisAndAdminsDelegate extends OffboardingStepDelegate {

    private final OffboardingNotices notices;

    NotifyPisAndAdminsDelegate(OffboardingEvents events, OffboardingNotices notices) {
        super(events);
        this.notices = notices;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        notices.send(event);
    }
}
