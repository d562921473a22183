package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An administrator turned a rejected code change into a suspension: the token's own suspension path starts. */
@Component("suspendAfterRejectedChangeDelegate")
class SuspendAfterRejectedChangeDelegate implements JavaDelegate {

    private final TokenLifecycles lifecycles;

    SuspendAfterRejectedChangeDelegate(TokenLifecycles lifecycles) {
        this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycles.suspend(tokenId(execution), "Code change rejected in review: " + text(execution, CHANGE_REVIEW_COMMENTS)
                + " (" + text(execution, CHANGE_DECISION_COMMENTS) + ")", text(execution, REPORTED_BY));
    }
}
