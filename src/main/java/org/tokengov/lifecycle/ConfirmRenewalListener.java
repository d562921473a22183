package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.usage.RecentUse;
import org.tokengov.usertask.DecisionForm;

/**
 * {@code Task_ConfirmRenewal}: only the holder answers; keeping the token needs a renewed attestation, a changed usage
 * needs a word on what changed. The answer goes on the ledger and the audit trail. The task shows the token's last 90
 * days of API calls and fair-use findings, so the holder answers "usage unchanged" with the numbers in front of them.
 */
@Component("confirmRenewalListener")
class ConfirmRenewalListener extends HolderTaskListener {

    private final ApplicationEventPublisher events;
    private final RecentUse recentUse;

    ConfirmRenewalListener(LifecycleTasks tasks, ApplicationEventPublisher events, RecentUse recentUse) {
        super(tasks);
        this.events = events;
        this.recentUse = recentUse;
    }

    @Override
    protected void created(DelegateTask task) {
        tasks.showRecentUse(task, recentUse);
    }

    @Override
    protected String name(DelegateTask task) {
        return "Confirm renewal of your " + fact(task, ENVIRONMENT) + " API token (project " + fact(task, PROJECT_ID)
                + ")";
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        boolean stillNeeded = Boolean.TRUE.equals(task.getVariable(STILL_NEEDED));
        String comments = LifecycleTasks.comments(task, RENEWAL_COMMENTS);
        List<String> problems = new ArrayList<>();
        if (!(task.getVariable(STILL_NEEDED) instanceof Boolean)) {
            problems.add("Say whether you still need the token.");
        }
        if (stillNeeded && !Boolean.TRUE.equals(task.getVariable(FAIR_USE_REATTESTED))) {
            problems.add("Keeping the token needs your renewed acceptance of the REDCap API Fair Use Policy.");
        }
        if (stillNeeded && !Boolean.TRUE.equals(task.getVariable(USAGE_UNCHANGED)) && comments == null) {
            problems.add("Describe how your use of the API has changed.");
        }
        if (comments != null && comments.length() > DecisionForm.COMMENTS_MAX) {
            problems.add("Comments must be at most " + DecisionForm.COMMENTS_MAX + " characters.");
        }
        return problems;
    }

    @Override
    protected void completed(DelegateTask task, String holder) {
        boolean stillNeeded = Boolean.TRUE.equals(task.getVariable(STILL_NEEDED));
        String comments = LifecycleTasks.comments(task, RENEWAL_COMMENTS);
        String requestId = tasks.caseOf(task).token().requestId();
        tasks.record(task, LedgerKind.RENEWAL, stillNeeded ? "RENEWED" : "NOT_NEEDED", holder, comments);
        if (stillNeeded) {
            events.publishEvent(new RenewalConfirmed(holder, requestId, LifecycleTasks.tokenId(task)));
        }
        tasks.audit(task, holder, AuditAction.RENEWAL_DECIDED,
                (stillNeeded ? "still needed" + (Boolean.TRUE.equals(task.getVariable(USAGE_UNCHANGED)) ? ", usage unchanged"
                        : ", usage changed") + ", policy re-attested" : "no longer needed") + LifecycleTasks.suffix(comments));
    }
}
