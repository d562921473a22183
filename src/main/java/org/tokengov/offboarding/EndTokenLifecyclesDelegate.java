package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The revoked tokens' TokenLifecycleProcess instances end, so no renewal notice goes out for a dead token. */
@Component("endTokenLifecyclesDelegate")
class EndTokenLifecyclesDelegate extends OffboardingStepDelegate {

    private final OffboardingRevocations revocations;

    EndTokenLifecyclesDelegate(OffboardingEvents events, OffboardingRevocations revocations) {
        super(events);
        this.revocations = revocations;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        revocations.endLifecycles(event);
    }
}
