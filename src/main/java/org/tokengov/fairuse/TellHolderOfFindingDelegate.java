package org.tokengov.fairuse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_TellHolderOfFinding}: the holder is told what the case's findings showed, with the numbers and the
 * policy's sentence, and either the deadline for a fix or that the administrators decide.
 */
@Component("tellHolderOfFindingDelegate")
class TellHolderOfFindingDelegate implements JavaDelegate {

    private final FairUseCaseSteps steps;

    TellHolderOfFindingDelegate(FairUseCaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.tellHolder(execution.getProcessBusinessKey());
    }
}
