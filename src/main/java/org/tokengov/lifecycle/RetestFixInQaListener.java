package org.tokengov.lifecycle;

import static org.tokengov.usertask.TaskNames.fact;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;

/** {@code Task_RetestFixInQa}: only the holder reports the fix of a suspended token, re-tested in QA. */
@Component("retestFixInQaListener")
class RetestFixInQaListener extends QaRetestListener {

    RetestFixInQaListener(LifecycleTasks tasks) {
        super(tasks, LedgerKind.FIX_TESTED, AuditAction.FIX_SUBMITTED);
    }

    @Override
    protected String name(DelegateTask task) {
        return "Fix and re-test in QA: suspended " + fact(task, TokenLifecycleVariables.ENVIRONMENT)
                + " token (project " + fact(task, TokenLifecycleVariables.PROJECT_ID) + ")";
    }
}
