package org.tokengov.inactivity;

import static org.tokengov.inactivity.InactivitySweepVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;

/** Writes the sweep's totals to the audit trail. */
@Component("recordSweepResultDelegate")
class RecordSweepResultDelegate implements JavaDelegate {

    private final AuditTrail auditTrail;

    RecordSweepResultDelegate(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.INACTIVITY_SWEEP_COMPLETED, null, null,
                "tokens checked " + execution.getVariable(TOKENS_CHECKED) + ", warned " + execution.getVariable(WARNINGS_SENT)
                        + ", revocations " + execution.getVariable(REVOCATIONS_REQUESTED));
    }
}
