package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RateBudgetExhaustedException;

/**
 * One token of the offboarding, in its own retried job, in parallel with the others: the diagram of releases before
 * {@code Task_RevokeTokensInRedcap}, kept for its instances still running (an offboarding dated later, or held in a
 * wave, reaches this step after an upgrade). A spent rate budget is not a failure: the diagram waits for a later
 * budget window (no retry used up, no incident).
 */
@Component("revokeOffboardedTokenDelegate")
class RevokeOffboardedTokenDelegate extends OffboardingStepDelegate {

    static final String BUDGET_EXHAUSTED = "RATE_BUDGET_EXHAUSTED";

    private final OffboardingRevocations revocations;

    RevokeOffboardedTokenDelegate(OffboardingEvents events, OffboardingRevocations revocations) {
        super(events);
        this.revocations = revocations;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        try {
            revocations.revoke(event, (String) execution.getVariable(OffboardingVariables.TOKEN_ID));
        } catch (RateBudgetExhaustedException spent) {
            throw new BpmnError(BUDGET_EXHAUSTED, spent.getMessage());
        }
    }
}
