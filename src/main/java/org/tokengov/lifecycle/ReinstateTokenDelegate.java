package org.tokengov.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.ledger.TokenCase;

/**
 * {@code Task_ReinstateToken}: the fix was re-tested by the holder, approved by an API specialist and the
 * reinstatement by another administrator, all on the ledger: the token's rights come back, in the approver's name.
 */
@Component("reinstateTokenDelegate")
class ReinstateTokenDelegate implements JavaDelegate {

    private final RestoreGates gates;
    private final Suspensions suspensions;

    ReinstateTokenDelegate(RestoreGates gates, Suspensions suspensions) {
        this.gates = gates;
        this.suspensions = suspensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TokenCase token = gates.require(execution, "reinstating a suspended token", TokenCase::missingForReinstatement);
        suspensions.reinstate(token.token().id(), token.reinstatementApprover().orElseThrow());
    }
}
