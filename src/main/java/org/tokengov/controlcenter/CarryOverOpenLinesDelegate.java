package org.tokengov.controlcenter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** What an administrator left open (REDCap's log did not confirm it yet) goes to the next wave's worklist. */
@Component("carryOverOpenLinesDelegate")
class CarryOverOpenLinesDelegate implements JavaDelegate {

    private final ControlCenterWorklist worklist;

    CarryOverOpenLinesDelegate(ControlCenterWorklist worklist) {
        this.worklist = worklist;
    }

    @Override
    public void execute(DelegateExecution execution) {
        worklist.carryOver(execution.getProcessBusinessKey());
    }
}
