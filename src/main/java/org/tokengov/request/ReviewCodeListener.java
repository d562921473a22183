package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.identity.ContractGroups;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.RequestCase;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.Exclusions;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.GroupDecisionTaskListener;

/**
 * {@code Task_ReviewCode}: an API specialist other than the requester reviews the code the requester tested in QA
 * (offered to the other specialists only). Anything but an approval needs comments; the review is a gate in the
 * ledger, and the requester is told an approval or the changes asked for (a rejection is told by the closing step).
 * For a named successor's request the review confirms the code is the predecessor's reviewed code: the task shows
 * whose, which repository and commit, and who reviewed it when, from the naming record.
 */
@Component("reviewCodeListener")
class ReviewCodeListener extends GroupDecisionTaskListener {

    private final RequestTasks tasks;
    private final RightsInRedcap rightsInRedcap;

    ReviewCodeListener(RequestTasks tasks, RightsInRedcap rightsInRedcap) {
        super(tasks.fourEyes, tasks.candidates);
        this.tasks = tasks;
        this.rightsInRedcap = rightsInRedcap;
    }

    @Override
    protected String group() {
        return ContractGroups.SPECIALISTS;
    }

    @Override
    protected Exclusions excluded(DelegateTask task) {
        return new Exclusions().exclude(tasks.requesterOf(task), "it concerns their own request");
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return RequestTasks.about(task);
    }

    @Override
    protected void show(DelegateTask task) {
        RequestCase request = tasks.caseOf(task);
        RequestFacts.showSubmission(task, request);
        request.submission().ifPresent(submission -> task.setVariableLocal(REDCAP_RIGHTS, rightsInRedcap.describe(submission)));
        RequestFacts.showQaTest(task, request);
        ReviewChecklist.startFresh(task);
        // Set even when empty: a process variable of that name, which a caller can write, never poses as a naming.
        task.setVariableLocal(SUCCESSION_NOTE, tasks.successionOf(task).map(Succession::reviewNote).orElse(null));
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        List<String> problems = DecisionForm.problems(task, CODE_REVIEW_OUTCOME, "Outcome", ReviewOutcome.class,
                ReviewOutcome.APPROVED, CODE_REVIEW_COMMENTS);
        List<ReviewChecklist> unticked = ReviewChecklist.unticked(task);
        if (problems.isEmpty() && DecisionForm.decision(task, CODE_REVIEW_OUTCOME, ReviewOutcome.class) == ReviewOutcome.APPROVED
                && !unticked.isEmpty()) {
            problems.add(ReviewChecklist.uncheckedProblem(unticked));
        }
        return problems;
    }

    @Override
    protected void completed(DelegateTask task, String reviewer) {
        ReviewOutcome outcome = DecisionForm.decision(task, CODE_REVIEW_OUTCOME, ReviewOutcome.class);
        String comments = DecisionForm.comments(task, CODE_REVIEW_COMMENTS);
        tasks.record(task, LedgerKind.CODE_REVIEW, outcome.name(), reviewer, comments);
        tasks.auditTrail.record(reviewer, AuditAction.CODE_REVIEWED, task.getProcessInstanceId(), null,
                outcome + " (" + ReviewChecklist.summary(task) + ")" + (comments == null ? "" : ": " + comments));
        RequestCase request = tasks.caseOf(task);
        switch (outcome) {
            case APPROVED -> tell(request, MailKind.CODE_REVIEW_PASSED, comments);
            // The new QA task goes to the requester in this same step: this notice becomes its mail, with its link.
            case CHANGES_REQUESTED -> tell(request, MailKind.CHANGES_REQUESTED, comments);
            case REJECTED -> {
                // The closing step tells the requester, with the same comments.
            }
        }
    }

    private void tell(RequestCase request, MailKind kind, String comments) {
        request.submission().ifPresent(submission -> tasks.notifier.send(Notification.toUser(submission.requester(), kind,
                Map.of("project", submission.productionProjectId(), "comments", comments == null ? "" : comments))
                .aboutRequest(submission.number())));
    }
}
