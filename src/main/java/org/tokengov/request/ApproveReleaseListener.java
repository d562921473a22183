package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

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
 * {@code Task_ApproveRelease}: a REDCap administrator who is neither the requester nor anyone who reviewed the code
 * of the request approves or rejects the production release (offered to the other administrators only). A rejection
 * needs comments; the decision is a gate in the ledger, and an approval is told to the requester. A named successor's
 * request shows whose reviewed code it takes over.
 */
@Component("approveReleaseListener")
class ApproveReleaseListener extends GroupDecisionTaskListener {

    private final RequestTasks tasks;
    private final RightsInRedcap rightsInRedcap;

    ApproveReleaseListener(RequestTasks tasks, RightsInRedcap rightsInRedcap) {
        super(tasks.fourEyes, tasks.candidates);
        this.tasks = tasks;
        this.rightsInRedcap = rightsInRedcap;
    }

    @Override
    protected String name(DelegateTask task) {
        return TokenRequestVariables.numbered(task, "Approve production release for " + fact(task, REQUESTER)
                + " on project " + fact(task, PRODUCTION_PROJECT_ID));
    }

    @Override
    protected String group() {
        return ContractGroups.ADMINS;
    }

    @Override
    protected Exclusions excluded(DelegateTask task) {
        RequestCase request = tasks.caseOf(task);
        return new Exclusions().exclude(request.requester().orElse(null), "it concerns their own request")
                .excludeAll(request.codeReviewers(), "they reviewed the code of this request, and may not also approve it");
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
        RequestFacts.showLastReview(task, request);
        task.setVariableLocal(SUCCESSION_NOTE, tasks.successionOf(task).map(Succession::reviewNote).orElse(null));
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return DecisionForm.problems(task, ADMIN_DECISION, "Decision", AdminDecision.class, AdminDecision.APPROVED,
                ADMIN_COMMENTS);
    }

    @Override
    protected void completed(DelegateTask task, String admin) {
        AdminDecision decision = DecisionForm.decision(task, ADMIN_DECISION, AdminDecision.class);
        String comments = DecisionForm.comments(task, ADMIN_COMMENTS);
        tasks.record(task, LedgerKind.RELEASE_DECISION, decision.name(), admin, comments);
        tasks.auditTrail.record(admin, AuditAction.RELEASE_DECIDED, task.getProcessInstanceId(), null,
                decision + (comments == null ? "" : ": " + comments));
        if (decision == AdminDecision.APPROVED) {
            tasks.caseOf(task).submission().ifPresent(submission -> tasks.notifier.send(Notification.toUser(
                    submission.requester(), MailKind.RELEASE_APPROVED, Map.of("project", submission.productionProjectId(),
                            "comments", comments == null ? "" : comments)).aboutRequest(submission.number())));
        }
    }
}
