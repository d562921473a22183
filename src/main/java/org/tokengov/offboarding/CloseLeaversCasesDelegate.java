package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code Task_CloseLeaversCases}: a person who left has no request left open and holds no colleague's task. */
@Component("closeLeaversCasesDelegate")
class CloseLeaversCasesDelegate extends OffboardingStepDelegate {

    private final LeaverCases cases;

    CloseLeaversCasesDelegate(OffboardingEvents events, LeaverCases cases) {
        super(events);
        this.cases = cases;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        cases.close(event);
    }
}
