package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Every token is revoked: the time to full revocation is evidence for auditors. */
@Component("recordOffboardingResultDelegate")
class RecordOffboardingResultDelegate extends OffboardingStepDelegate {

    private final OffboardingRevocations revocations;

    RecordOffboardingResultDelegate(OffboardingEvents events, OffboardingRevocations revocations) {
        super(events);
        this.revocations = revocations;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        revocations.complete(event);
    }
}
