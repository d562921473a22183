package org.tokengov.lifecycle;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.usertask.QaResultForm;

/** A re-test in QA that only the token's holder reports (a suspended token's fix, a code change), held to the first request's rules. */
abstract class QaRetestListener extends HolderTaskListener {

    private final LedgerKind gate;
    private final AuditAction action;

    QaRetestListener(LifecycleTasks tasks, LedgerKind gate, AuditAction action) {
        super(tasks);
        this.gate = gate;
        this.action = action;
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return QaResultForm.problems(task);
    }

    @Override
    protected void completed(DelegateTask task, String holder) {
        tasks.record(task, gate, null, holder, QaResultForm.ledgerDetails(task));
        tasks.audit(task, holder, action, QaResultForm.describe(task));
    }
}
