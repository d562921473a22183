package org.tokengov.lifecycle;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.usertask.QaResultForm;

/** {@code Task_RetestChangeInQa}: only the holder reports their code change after production, re-tested in QA. */
@Component("retestChangeInQaListener")
class RetestChangeInQaListener extends HolderTaskListener {

    RetestChangeInQaListener(LifecycleTasks tasks) {
        super(tasks);
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return QaResultForm.problems(task);
    }

    @Override
    protected void completed(DelegateTask task, String holder) {
        tasks.record(task, LedgerKind.CHANGE_TESTED, null, holder, QaResultForm.ledgerDetails(task));
        tasks.audit(task, holder, AuditAction.CODE_CHANGE_TESTED, QaResultForm.describe(task));
    }
}
