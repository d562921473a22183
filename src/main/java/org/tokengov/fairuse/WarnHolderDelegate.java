package org.tokengov.fairuse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_WarnHolder}: an administrator decided to warn the holder; the warning is mailed and the case closes.
 */
@Component("warnHolderDelegate")
class WarnHolderDelegate implements JavaDelegate {

    private final FairUseCaseSteps steps;

    WarnHolderDelegate(FairUseCaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.warn(execution.getProcessBusinessKey());
    }
}
