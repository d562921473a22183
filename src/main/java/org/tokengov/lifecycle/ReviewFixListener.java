package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.identity.ContractGroups;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.usertask.DecisionForm;

/** {@code Task_ReviewFix}: an API specialist other than the holder reviews the fix of a suspended token. */
@Component("reviewFixListener")
class ReviewFixListener extends TokenDecisionTaskListener {

    ReviewFixListener(LifecycleTasks tasks) {
        super(tasks);
    }

    @Override
    protected String name(DelegateTask task) {
        return "Review the fix of " + fact(task, HOLDER) + " for project " + fact(task, PROJECT_ID);
    }

    @Override
    protected String group() {
        return ContractGroups.SPECIALISTS;
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return DecisionForm.problems(task, FIX_REVIEW_OUTCOME, "Outcome", FixReviewOutcome.class,
                FixReviewOutcome.APPROVED, FIX_REVIEW_COMMENTS);
    }

    @Override
    protected void completed(DelegateTask task, String reviewer) {
        FixReviewOutcome outcome = DecisionForm.decision(task, FIX_REVIEW_OUTCOME, FixReviewOutcome.class);
        String comments = DecisionForm.comments(task, FIX_REVIEW_COMMENTS);
        tasks.record(task, LedgerKind.FIX_REVIEW, outcome.name(), reviewer, comments);
        tasks.audit(task, reviewer, AuditAction.FIX_REVIEWED, outcome + LifecycleTasks.suffix(comments));
    }
}
