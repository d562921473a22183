package org.tokengov.lifecycle;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.usertask.QaResultForm;

/** {@code Task_RetestFixInQa}: only the holder reports the fix of a suspended token, re-tested in QA. */
@Component("retestFixInQaListener")
class RetestFixInQaListener extends HolderTaskListener {

    RetestFixInQaListener(LifecycleTasks tasks) {
        super(tasks);
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return QaResultForm.problems(task);
    }

    @Override
    protected void completed(DelegateTask task, String holder) {
        tasks.record(task, LedgerKind.FIX_TESTED, null, holder, QaResultForm.ledgerDetails(task));
        tasks.audit(task, holder, AuditAction.FIX_SUBMITTED, QaResultForm.describe(task));
    }
}
