package org.tokengov.request;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.PersonalTaskListener;
import org.tokengov.usertask.QaResultForm;

/**
 * {@code Task_DevelopAndTestInQa}: only the requester reports where the tested code is and what the QA test showed;
 * the result is a gate in the ledger, which the code review and the production issuance require.
 */
@Component("developAndTestInQaListener")
class DevelopAndTestInQaListener extends PersonalTaskListener {

    private final RequestTasks tasks;

    DevelopAndTestInQaListener(RequestTasks tasks) {
        super(tasks.fourEyes, tasks.candidates);
        this.tasks = tasks;
    }

    @Override
    protected void created(DelegateTask task) {
        RequestFacts.showLastReviewComments(task, tasks.caseOf(task));
    }

    @Override
    protected String person(DelegateTask task) {
        return tasks.requesterOf(task);
    }

    @Override
    protected String role() {
        return "who requested the token";
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return RequestTasks.about(task);
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return QaResultForm.problems(task);
    }

    @Override
    protected void completed(DelegateTask task, String requester) {
        tasks.record(task, LedgerKind.QA_TESTED, null, requester, QaResultForm.ledgerDetails(task));
        tasks.auditTrail.record(requester, AuditAction.QA_TESTING_SUBMITTED, task.getProcessInstanceId(), null,
                QaResultForm.describe(task));
    }
}
