package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;

/** Puts each completed pipeline task on the audit trail, with who decided what and why. */
@Component("recordTaskDecisionListener")
class RecordTaskDecisionListener implements TaskListener {

    private final AuditTrail auditTrail;

    RecordTaskDecisionListener(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
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
            }
            case "Task_ApproveRelease" -> auditTrail.record(actor, AuditAction.RELEASE_DECIDED, requestId, null,
                    text(task, ADMIN_DECISION) + commentsSuffix(text(task, ADMIN_COMMENTS)));
            default -> throw new IllegalStateException("No decision to record for task " + task.getTaskDefinitionKey());
        }
    }

    private static String commentsSuffix(String comments) {
        return comments == null || comments.isBlank() ? "" : ": " + comments;
    }
}
