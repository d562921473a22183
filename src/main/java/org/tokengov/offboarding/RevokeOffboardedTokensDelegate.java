package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RateBudgetExhaustedException;

/**
 * {@code Task_RevokeTokensInRedcap}: every token of the offboarding in one retried job, as soon as the event is due.
 * One job rather than one per token: under a burst of departures the engine's work per job (fetching, locking,
 * history), not REDCap, was most of what a leaver waited for. A spent rate budget is not a failure: the diagram waits
 * for a later budget window (no retry used up, no incident), keeping the tokens revoked so far.
 */
@Component("revokeOffboardedTokensDelegate")
class RevokeOffboardedTokensDelegate extends OffboardingStepDelegate {

    private final OffboardingRevocations revocations;

    RevokeOffboardedTokensDelegate(OffboardingEvents events, OffboardingRevocations revocations) {
        super(events);
        this.revocations = revocations;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        try {
            revocations.revokeAll(event);
        } catch (RateBudgetExhaustedException spent) {
            throw new BpmnError(RevokeOffboardedTokenDelegate.BUDGET_EXHAUSTED, spent.getMessage());
        }
    }
}
