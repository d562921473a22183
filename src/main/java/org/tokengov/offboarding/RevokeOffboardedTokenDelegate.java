package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** One token of the offboarding, in its own retried job, in parallel with the others. */
@Component("revokeOffboardedTokenDelegate")
class RevokeOffboardedTokenDelegate extends OffboardingStepDelegate {

    private final OffboardingRevocations revocations;

    RevokeOffboardedTokenDelegate(OffboardingEvents events, OffboardingRevocations revocations) {
        super(events);
        this.revocations = revocations;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        revocations.revoke(event, (String) execution.getVariable(OffboardingVariables.TOKEN_ID));
    }
}
