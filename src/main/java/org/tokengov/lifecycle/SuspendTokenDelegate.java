package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Suspends the token for the message's {@code suspensionReason}; sets {@code banHolder} when the ban count is reached. */
@Component("suspendTokenDelegate")
class SuspendTokenDelegate implements JavaDelegate {

    private final Suspensions suspensions;

    SuspendTokenDelegate(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean ban = suspensions.suspend(tokenId(execution), text(execution, SUSPENSION_REASON), text(execution, REPORTED_BY));
        execution.setVariable(BAN_HOLDER, Variables.booleanValue(ban));
    }
}
