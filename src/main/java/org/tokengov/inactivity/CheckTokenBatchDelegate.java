package org.tokengov.inactivity;

import static org.tokengov.inactivity.InactivitySweepVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Checks the next batch of live tokens for inactivity and moves the sweep's cursor on. */
@Component("checkTokenBatchDelegate")
class CheckTokenBatchDelegate implements JavaDelegate {

    private final InactivitySweep sweep;

    CheckTokenBatchDelegate(InactivitySweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InactivitySweep.BatchResult result = sweep.checkBatch((String) execution.getVariable(SWEEP_CURSOR));
        execution.setVariable(SWEEP_CURSOR, Variables.stringValue(result.cursor()));
        execution.setVariable(MORE_TOKENS, Variables.booleanValue(result.more()));
        execution.setVariable(TOKENS_CHECKED, Variables.longValue(count(execution, TOKENS_CHECKED) + result.checked()));
        execution.setVariable(WARNINGS_SENT, Variables.longValue(count(execution, WARNINGS_SENT) + result.warned()));
        execution.setVariable(REVOCATIONS_REQUESTED,
                Variables.longValue(count(execution, REVOCATIONS_REQUESTED) + result.revoked()));
    }

    private static long count(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
