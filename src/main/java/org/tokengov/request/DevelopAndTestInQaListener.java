package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.CODE_COMMIT;
import static org.tokengov.request.TokenRequestVariables.CODE_REPOSITORY_URL;
import static org.tokengov.request.TokenRequestVariables.SUCCESSION_NOTE;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.RequestCase;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.PersonalTaskListener;
import org.tokengov.usertask.QaResultForm;

/**
 * {@code Task_DevelopAndTestInQa}: only the requester reports where the tested code is and what the QA test showed;
 * the result is a gate in the ledger, which the code review and the production issuance require. A named successor
 * reports the test of the predecessor's reviewed code: another repository or commit is refused, so the review that
 * follows is a confirmation of the same code. Unless {@code tokengov.request.require-qa-use} is off, completing needs
 * REDCap's log to show an API call by the requester on the QA project since the QA token's issue: the log is read at
 * that moment ({@link QaTokenUse}), never a variable, so "tested in QA" is REDCap's word, not the requester's.
 */
@Component("developAndTestInQaListener")
class DevelopAndTestInQaListener extends PersonalTaskListener {

    private final RequestTasks tasks;
    private final QaTokenUse qaTokenUse;
    private final RequestProperties properties;

    DevelopAndTestInQaListener(RequestTasks tasks, QaTokenUse qaTokenUse, RequestProperties properties) {
        super(tasks.fourEyes, tasks.candidates);
        this.tasks = tasks;
        this.qaTokenUse = qaTokenUse;
        this.properties = properties;
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
        if (properties.requireQaUse()) {
            untested(tasks.caseOf(task)).ifPresent(problems::add);
        }
        return problems;
    }

    /** Why REDCap's log does not show the QA test yet, if it does not. */
    private Optional<String> untested(RequestCase request) {
        long qaProjectId = request.submission().map(TokenRequestRecord::qaProjectId).orElse(0L);
        Optional<QaTokenUse.Observed> observed = qaTokenUse.observe(request);
        if (observed.isEmpty()) {
            return Optional.of("The registry holds no QA token of this request on QA project " + qaProjectId
                    + ", so REDCap's log cannot show your test. Ask the REDCap administrators.");
        }
        if (observed.get().used()) {
            return Optional.empty();
        }
        return Optional.of("REDCap has no API call with your QA token yet. Test your code against the QA project ("
                + qaProjectId + ") before submitting it for review."
                + (observed.get().logRead() ? "" : " REDCap's log could not be read just now: try again in a few minutes."));
    }

    @Override
    protected void completed(DelegateTask task, String requester) {
        tasks.record(task, LedgerKind.QA_TESTED, null, requester, QaResultForm.ledgerDetails(task));
        tasks.auditTrail.record(requester, AuditAction.QA_TESTING_SUBMITTED, task.getProcessInstanceId(), null,
                QaResultForm.describe(task));
    }
}
