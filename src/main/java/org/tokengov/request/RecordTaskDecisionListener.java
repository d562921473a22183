package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;

/**
 * Puts each completed pipeline task on the audit trail, with who decided what and why, and tells the requester the
 * outcome of the code review and of the release approval. A rejection is told by the step that closes the request.
 */
@Component("recordTaskDecisionListener")
class RecordTaskDecisionListener implements TaskListener {

    private final AuditTrail auditTrail;
    private final Notifier notifier;

    RecordTaskDecisionListener(AuditTrail auditTrail, Notifier notifier) {
        this.auditTrail = auditTrail;
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActor.of(task);
        String requestId = task.getProcessInstanceId();
        switch (task.getTaskDefinitionKey()) {
            case "Task_ConfirmSponsorship" -> auditTrail.record(actor, AuditAction.SPONSORSHIP_DECIDED, requestId, null,
                    (Boolean.TRUE.equals(task.getVariable(SPONSORSHIP_CONFIRMED)) ? "confirmed" : "not confirmed")
                            + commentsSuffix(text(task, SPONSOR_COMMENTS)));
            case "Task_DevelopAndTestInQa" -> auditTrail.record(actor, AuditAction.QA_TESTING_SUBMITTED, requestId, null,
                    "repository " + text(task, CODE_REPOSITORY_URL) + " commit " + text(task, CODE_COMMIT));
            case "Task_ReviewCode" -> {
                addCodeReviewer(task, actor);
                auditTrail.record(actor, AuditAction.CODE_REVIEWED, requestId, null,
                        text(task, CODE_REVIEW_OUTCOME) + commentsSuffix(text(task, CODE_REVIEW_COMMENTS)));
                tellReviewOutcome(task);
            }
            case "Task_ApproveRelease" -> {
                auditTrail.record(actor, AuditAction.RELEASE_DECIDED, requestId, null,
                        text(task, ADMIN_DECISION) + commentsSuffix(text(task, ADMIN_COMMENTS)));
                tellApproval(task);
            }
            default -> throw new IllegalStateException("No decision to record for task " + task.getTaskDefinitionKey());
        }
    }

    private void tellReviewOutcome(DelegateTask task) {
        switch (text(task, CODE_REVIEW_OUTCOME)) {
            case "APPROVED" -> tell(task, MailKind.CODE_REVIEW_PASSED, CODE_REVIEW_COMMENTS);
            // The new QA task goes to the requester in this same step: this notice becomes its mail, with its link.
            case "CHANGES_REQUESTED" -> tell(task, MailKind.CHANGES_REQUESTED, CODE_REVIEW_COMMENTS);
            default -> {
                // REJECTED: the closing step tells the requester, with the same comments.
            }
        }
    }

    private void tellApproval(DelegateTask task) {
        if ("APPROVED".equals(text(task, ADMIN_DECISION))) {
            tell(task, MailKind.RELEASE_APPROVED, ADMIN_COMMENTS);
        }
    }

    private void tell(DelegateTask task, MailKind kind, String commentsVariable) {
        String comments = text(task, commentsVariable);
        notifier.send(Notification.toUser(requester(task), kind, Map.of("project", productionProjectId(task),
                "comments", comments == null ? "" : comments.strip())));
    }

    private static String commentsSuffix(String comments) {
        return comments == null || comments.isBlank() ? "" : ": " + comments;
    }
}
