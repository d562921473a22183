package org.tokengov.controlcenter;

import static org.tokengov.controlcenter.ControlCenterWorklistVariables.ENVIRONMENT;
import static org.tokengov.controlcenter.ControlCenterWorklistVariables.OPEN_LINES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RedcapEnvironment;

/** The worklist's timer: ticks off what REDCap's log confirms, and says how many lines of the wave are left. */
@Component("confirmFromRedcapLogDelegate")
class ConfirmFromRedcapLogDelegate implements JavaDelegate {

    private final RevocationConfirmations confirmations;
    private final ControlCenterWorklist worklist;

    ConfirmFromRedcapLogDelegate(RevocationConfirmations confirmations, ControlCenterWorklist worklist) {
        this.confirmations = confirmations;
        this.worklist = worklist;
    }

    @Override
    public void execute(DelegateExecution execution) {
        confirmations.confirmFromRedcapLog(RedcapEnvironment.valueOf((String) execution.getVariable(ENVIRONMENT)));
        execution.getProcessInstance().setVariable(OPEN_LINES, worklist.openLines(execution.getProcessBusinessKey()));
    }
}
