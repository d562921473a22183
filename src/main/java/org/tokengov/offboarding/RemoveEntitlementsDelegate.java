package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The identity store's entitlement groups follow the revocations. */
@Component("removeEntitlementsDelegate")
class RemoveEntitlementsDelegate extends OffboardingStepDelegate {

    private final OffboardingRevocations revocations;

    RemoveEntitlementsDelegate(OffboardingEvents events, OffboardingRevocations revocations) {
        super(events);
        this.revocations = revocations;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        revocations.removeEntitlements(event);
    }
}
