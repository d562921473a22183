package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.identity.ContractGroups;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.TokenCase;
import org.tokengov.usage.RecentUse;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.Exclusions;

/**
 * {@code Task_ApproveReinstatement}: a REDCap administrator who is neither the holder nor a reviewer of the fix decides
 * whether the suspended token comes back; a rejection needs comments. The task shows the token's last 90 days of API
 * calls and fair-use findings.
 */
@Component("approveReinstatementListener")
class ApproveReinstatementListener extends TokenDecisionTaskListener {

    private final RecentUse recentUse;

    ApproveReinstatementListener(LifecycleTasks tasks, RecentUse recentUse) {
        super(tasks);
        this.recentUse = recentUse;
    }

    @Override
    protected void show(DelegateTask task) {
        tasks.showRecentUse(task, recentUse);
    }

    @Override
    protected String name(DelegateTask task) {
        return "Approve reinstatement of " + fact(task, HOLDER) + "'s token (project " + fact(task, PROJECT_ID) + ")";
    }

    @Override
    protected String group() {
        return ContractGroups.ADMINS;
    }

    @Override
    protected Exclusions alsoExcluded(TokenCase token, Exclusions excluded) {
        return excluded.excludeAll(token.fixReviewers(), "they reviewed the fix, and may not also approve it");
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return DecisionForm.problems(task, REINSTATEMENT_DECISION, "Decision", ReinstatementDecision.class,
                ReinstatementDecision.APPROVED, REINSTATEMENT_COMMENTS);
    }

    @Override
    protected void completed(DelegateTask task, String admin) {
        ReinstatementDecision decision = DecisionForm.decision(task, REINSTATEMENT_DECISION, ReinstatementDecision.class);
        String comments = DecisionForm.comments(task, REINSTATEMENT_COMMENTS);
        tasks.record(task, LedgerKind.REINSTATEMENT_DECISION, decision.name(), admin, comments);
        tasks.audit(task, admin, AuditAction.REINSTATEMENT_DECIDED, decision + LifecycleTasks.suffix(comments));
    }
}
