package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.CODE_COMMIT;
import static org.tokengov.request.TokenRequestVariables.CODE_REPOSITORY_URL;
import static org.tokengov.request.TokenRequestVariables.SUCCESSION_NOTE;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.ArrayList;
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
 * the result is a gate in the ledger, which the code review and the production issuance require. A named successor
 * reports the test of the predecessor's reviewed code: another repository or commit is refused, so the review that
 * follows is a confirmation of the same code.
 */
@Component("developAndTestInQaListener")
class DevelopAndTestInQaListener extends PersonalTaskListener {

    private final RequestTasks tasks;

    DevelopAndTestInQaListener(RequestTasks tasks) {
        super(tasks.fourEyes, tasks.candidates);
        this.tasks = tasks;
    }

    @Override
    protected String name(DelegateTask task) {
        return TokenRequestVariables.numbered(task, "Develop and test in QA (project "
                + fact(task, TokenRequestVariables.QA_PROJECT_ID) + ")");
    }

    @Override
    protected void created(DelegateTask task) {
        RequestFacts.showLastReviewComments(task, tasks.caseOf(task));
        // Set even when empty: a process variable of that name, which a caller can write, shows nowhere.
        task.setVariableLocal(SUCCESSION_NOTE, tasks.successionOf(task).map(Succession::qaNote).orElse(null));
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
        List<String> problems = new ArrayList<>(QaResultForm.problems(task));
        tasks.successionOf(task).ifPresent(succession -> {
            String repository = QaResultForm.text(task, CODE_REPOSITORY_URL);
            String commit = QaResultForm.text(task, CODE_COMMIT);
            if (!succession.codeRepositoryUrl().equals(repository) || !succession.codeCommit().equalsIgnoreCase(commit)) {
                problems.add("This request takes over " + succession.predecessor() + "'s reviewed code: report the QA "
                        + "test of repository " + succession.codeRepositoryUrl() + " at commit " + succession.codeCommit()
                        + ", unchanged. For other code, make a request of your own after this one.");
            }
        });
        return problems;
    }

    @Override
    protected void completed(DelegateTask task, String requester) {
        tasks.record(task, LedgerKind.QA_TESTED, null, requester, QaResultForm.ledgerDetails(task));
        tasks.auditTrail.record(requester, AuditAction.QA_TESTING_SUBMITTED, task.getProcessInstanceId(), null,
                QaResultForm.describe(task));
    }
}
