package org.tokengov.fairuse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_HandCaseToAdmins}: the holder confirmed no fix by the deadline; the administrators decide, and the
 * holder is told.
 */
@Component("handCaseToAdminsDelegate")
class HandCaseToAdminsDelegate implements JavaDelegate {

    private final FairUseCaseSteps steps;

    HandCaseToAdminsDelegate(FairUseCaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.handToAdmins(execution.getProcessBusinessKey());
    }
}
