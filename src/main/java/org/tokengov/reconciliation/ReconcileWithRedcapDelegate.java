package org.tokengov.reconciliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditTrail;

/**
 * {@code Task_ReconcileWithRedcap}: one reconciliation of everything readable. Started by the timer or by a REDCap
 * administrator; it reads no variable, so nothing a caller passes at the start changes what it does.
 */
@Component("reconcileWithRedcapDelegate")
class ReconcileWithRedcapDelegate implements JavaDelegate {

    private final Reconciliation reconciliation;

    ReconcileWithRedcapDelegate(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String startedBy = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).singleResult().getStartUserId();
        reconciliation.run(Reconciliation.Scope.EVERYTHING, startedBy == null ? AuditTrail.SYSTEM_ACTOR : startedBy);
    }
}
