package org.tokengov.controlcenter;

import static org.tokengov.controlcenter.ControlCenterWorklistVariables.ENVIRONMENT;
import static org.tokengov.controlcenter.ControlCenterWorklistVariables.OPEN_LINES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcaplog.RedcapLogReader;

/**
 * The worklist's timer: has the log reader catch up with the environment's log (the manual mode has no reconciliation
 * to do it), ticks off what REDCap's log confirms, and says how many lines of the wave are left.
 */
@Component("confirmFromRedcapLogDelegate")
class ConfirmFromRedcapLogDelegate implements JavaDelegate {

    private final RedcapLogReader logReader;
    private final RevocationConfirmations confirmations;
    private final ControlCenterWorklist worklist;

    ConfirmFromRedcapLogDelegate(RedcapLogReader logReader, RevocationConfirmations confirmations,
            ControlCenterWorklist worklist) {
        this.logReader = logReader;
        this.confirmations = confirmations;
        this.worklist = worklist;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RedcapEnvironment environment = RedcapEnvironment.valueOf((String) execution.getVariable(ENVIRONMENT));
        logReader.catchUp(environment);
        confirmations.confirmFromRedcapLog(environment);
        execution.getProcessInstance().setVariable(OPEN_LINES, worklist.openLines(execution.getProcessBusinessKey()));
    }
}
