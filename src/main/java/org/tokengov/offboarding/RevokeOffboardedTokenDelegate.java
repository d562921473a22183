package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RateBudgetExhaustedException;

/**
 * One token of the offboarding, in its own retried job, in parallel with the others: the diagram of releases before
 * {@code Task_RevokeTokensInRedcap}, kept for the instances the upgrade could not move to the new one (one inside
 * these per-token revocations holds back the others of its version). A spent rate budget is not a failure: the
 * diagram waits for a later budget window (no retry used up, no incident).
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
