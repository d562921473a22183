package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The fix was re-tested, reviewed and approved: the token's rights come back. */
@Component("reinstateTokenDelegate")
class ReinstateTokenDelegate implements JavaDelegate {

    private final Suspensions suspensions;

    ReinstateTokenDelegate(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        suspensions.reinstate(tokenId(execution), text(execution, REINSTATED_BY));
    }
}
