package org.tokengov.controlcenter;

import static org.tokengov.controlcenter.ControlCenterWorklistVariables.OPEN_LINES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The wave ends: later lines open a new one; says how many of its lines are still open. */
@Component("closeWorklistWaveDelegate")
class CloseWorklistWaveDelegate implements JavaDelegate {

    private final ControlCenterWorklist worklist;

    CloseWorklistWaveDelegate(ControlCenterWorklist worklist) {
        this.worklist = worklist;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(OPEN_LINES, worklist.close(execution.getProcessBusinessKey()));
    }
}
