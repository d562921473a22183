package org.tokengov.reconciliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.lifecycle.TokenLifecycles;

/**
 * {@code Task_StartReviewAfterTheFact}: the adopted token's code goes to review in its lifecycle. A step of its own,
 * after the adoption's transaction, so the lifecycle it messages is committed and can be found.
 */
@Component("startReviewAfterTheFactDelegate")
class StartReviewAfterTheFactDelegate implements JavaDelegate {

    private final TokenLifecycles lifecycles;

    StartReviewAfterTheFactDelegate(TokenLifecycles lifecycles) {
        this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycles.reviewAfterAdoption(FoundTokenVariables.tokenId(execution));
    }
}
