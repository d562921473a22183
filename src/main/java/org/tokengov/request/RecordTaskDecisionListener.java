package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
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
        long project = productionProjectId(task);
        String comments = commentsParagraph("The reviewer's comments", text(task, CODE_REVIEW_COMMENTS));
        switch (text(task, CODE_REVIEW_OUTCOME)) {
            case "APPROVED" -> notifier.send(Notification.toUser(requester(task),
                    "Code review passed: your API token request for REDCap project " + project,
                    "An API specialist approved your code. A REDCap administrator now decides on the production "
                            + "release." + comments));
            // The new QA task goes to the requester in this same step: this notice becomes its mail, with its link.
            case "CHANGES_REQUESTED" -> notifier.send(Notification.toUser(requester(task),
                    "Changes requested: your API code for REDCap project " + project,
                    "An API specialist asks for changes to your code before it can go to production. Change it, test "
                            + "it again in QA with your QA token, and complete 'Develop and test in QA' again."
                            + comments));
            default -> {
                // REJECTED: the closing step tells the requester, with the same comments.
            }
        }
    }

    private void tellApproval(DelegateTask task) {
        if ("APPROVED".equals(text(task, ADMIN_DECISION))) {
            notifier.send(Notification.toUser(requester(task),
                    "Release approved: your API token request for REDCap project " + productionProjectId(task),
                    "A REDCap administrator approved the production release. Your production token is being created; "
                            + "you get a mail when it is ready to read on REDCap's API page."
                            + commentsParagraph("The administrator's comments", text(task, ADMIN_COMMENTS))));
        }
    }

    private static String commentsParagraph(String whose, String comments) {
        return comments == null || comments.isBlank() ? "" : "\n\n" + whose + ":\n" + comments;
    }

    private static String commentsSuffix(String comments) {
        return comments == null || comments.isBlank() ? "" : ": " + comments;
    }
}
