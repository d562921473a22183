package org.tokengov.fairuse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SuspendTokenForMisuse}: an administrator decided to suspend the token; its lifecycle does
 * (Msg_SuspendToken) and the case closes.
 */
@Component("suspendTokenForMisuseDelegate")
class SuspendTokenForMisuseDelegate implements JavaDelegate {

    private final FairUseCaseSteps steps;

    SuspendTokenForMisuseDelegate(FairUseCaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.suspend(execution.getProcessBusinessKey());
    }
}
