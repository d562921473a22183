package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.identity.ContractGroups;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.registry.IssuedToken;
import org.tokengov.usertask.DecisionForm;

/**
 * {@code Task_ReviewChange}: an API specialist other than the holder reviews a code change after production. The holder
 * hears of an approval or of changes asked for; a rejection goes to the administrators, whose decision tells them.
 */
@Component("reviewChangeListener")
class ReviewChangeListener extends TokenDecisionTaskListener {

    ReviewChangeListener(LifecycleTasks tasks) {
        super(tasks);
    }

    @Override
    protected String name(DelegateTask task) {
        return "Review the code change of " + fact(task, HOLDER) + " for project " + fact(task, PROJECT_ID);
    }

    @Override
    protected String group() {
        return ContractGroups.SPECIALISTS;
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return DecisionForm.problems(task, CHANGE_REVIEW_OUTCOME, "Outcome", ChangeReviewOutcome.class,
                ChangeReviewOutcome.APPROVED, CHANGE_REVIEW_COMMENTS);
    }

    @Override
    protected void completed(DelegateTask task, String reviewer) {
        ChangeReviewOutcome outcome = DecisionForm.decision(task, CHANGE_REVIEW_OUTCOME, ChangeReviewOutcome.class);
        String comments = DecisionForm.comments(task, CHANGE_REVIEW_COMMENTS);
        tasks.record(task, LedgerKind.CHANGE_REVIEW, outcome.name(), reviewer, comments);
        tasks.audit(task, reviewer, AuditAction.CODE_CHANGE_REVIEWED, outcome + LifecycleTasks.suffix(comments));
        IssuedToken token = tasks.caseOf(task).token();
        Map<String, Object> about = Map.of("environment", token.environment().name(), "project", token.projectId(),
                "comments", comments == null ? "" : comments);
        switch (outcome) {
            case APPROVED -> tasks.notifier.send(Notification.toUser(token.holder(), MailKind.CODE_CHANGE_APPROVED, about));
            // The re-test task that follows in this step is the holder's too: this mail carries its link.
            case CHANGES_REQUESTED -> tasks.notifier.send(Notification.toUser(token.holder(),
                    MailKind.CODE_CHANGE_CHANGES_REQUESTED, about));
            case REJECTED -> {
                // The administrators' decision that follows tells the holder.
            }
        }
    }
}
