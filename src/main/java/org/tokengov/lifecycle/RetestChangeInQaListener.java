package org.tokengov.lifecycle;

import static org.tokengov.usertask.TaskNames.fact;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;

/** {@code Task_RetestChangeInQa}: only the holder reports their code change after production, re-tested in QA. */
@Component("retestChangeInQaListener")
class RetestChangeInQaListener extends QaRetestListener {

    RetestChangeInQaListener(LifecycleTasks tasks) {
        super(tasks, LedgerKind.CHANGE_TESTED, AuditAction.CODE_CHANGE_TESTED);
    }

    @Override
    protected String name(DelegateTask task) {
        return "Re-test your code change in QA (project " + fact(task, TokenLifecycleVariables.PROJECT_ID) + ")";
    }
}
