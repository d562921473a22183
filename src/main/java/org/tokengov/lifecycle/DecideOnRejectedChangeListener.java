package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.identity.ContractGroups;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.TokenCase;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.registry.IssuedToken;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.Exclusions;

/**
 * {@code Task_DecideOnRejectedChange}: a REDCap administrator who neither holds the token nor reviewed the change
 * decides whether the rejected change costs the token (a suspension follows, in their name) or the token is kept.
 */
@Component("decideOnRejectedChangeListener")
class DecideOnRejectedChangeListener extends TokenDecisionTaskListener {

    DecideOnRejectedChangeListener(LifecycleTasks tasks) {
        super(tasks);
    }

    @Override
    protected String name(DelegateTask task) {
        return "Decide on the rejected code change of " + fact(task, HOLDER) + " (project " + fact(task, PROJECT_ID)
                + ")";
    }

    @Override
    protected String group() {
        return ContractGroups.ADMINS;
    }

    @Override
    protected Exclusions alsoExcluded(TokenCase token, Exclusions excluded) {
        return excluded.excludeAll(token.changeReviewers(), "they reviewed the change, and may not also decide on it");
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return DecisionForm.problems(task, CHANGE_DECISION, "Decision", ChangeDecision.class, null,
                CHANGE_DECISION_COMMENTS);
    }

    @Override
    protected void completed(DelegateTask task, String admin) {
        ChangeDecision decision = DecisionForm.decision(task, CHANGE_DECISION, ChangeDecision.class);
        String comments = DecisionForm.comments(task, CHANGE_DECISION_COMMENTS);
        tasks.record(task, LedgerKind.CHANGE_DECISION, decision.name(), admin, comments);
        // The suspension that follows is the administrator's.
        task.setVariable(REPORTED_BY, Variables.stringValue(admin));
        tasks.audit(task, admin, AuditAction.CODE_CHANGE_DECIDED, decision + LifecycleTasks.suffix(comments));
        if (decision == ChangeDecision.KEEP) {
            IssuedToken token = tasks.caseOf(task).token();
            Map<String, Object> kept = new HashMap<>(Map.of("environment", token.environment().name(),
                    "project", token.projectId()));
            String reviewComments = LifecycleTasks.comments(task, CHANGE_REVIEW_COMMENTS);
            kept.put("reviewComments", reviewComments == null ? "" : reviewComments);
            kept.put("decisionComments", comments == null ? "" : comments);
            tasks.notifier.send(Notification.toUser(token.holder(), MailKind.CODE_CHANGE_REJECTED_TOKEN_KEPT, kept));
        }
        // SUSPEND: the suspension that follows tells the holder.
    }
}
