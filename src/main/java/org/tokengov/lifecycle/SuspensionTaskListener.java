package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.request.TaskActor;
import org.tokengov.request.TaskForms;
import org.tokengov.request.TokenRequestVariables;

/**
 * The lifecycle's human steps around code, held to the pipeline's rules: a suspended token's fix and a code change
 * after production are re-tested in QA and reviewed by an API specialist (who is remembered, so they cannot also
 * give the approval), then approved or decided by a REDCap administrator. A code change's holder is told how it
 * ended when no further task or suspension tells them: approved, or rejected with the token kept.
 */
@Component("suspensionTaskListener")
class SuspensionTaskListener implements TaskListener {

    static final String APPROVED = "APPROVED";

    private final AuditTrail auditTrail;
    private final Notifier notifier;

    SuspensionTaskListener(AuditTrail auditTrail, Notifier notifier) {
        this.auditTrail = auditTrail;
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActor.of(task);
        String requestId = text(task, REQUEST_ID);
        switch (task.getTaskDefinitionKey()) {
            case "Task_RetestFixInQa" -> {
                refuseIfAny(task, TaskForms.qaResultProblems(task));
                auditTrail.record(actor, AuditAction.FIX_SUBMITTED, requestId, tokenId(task),
                        "repository " + text(task, TokenRequestVariables.CODE_REPOSITORY_URL) + " commit "
                                + text(task, TokenRequestVariables.CODE_COMMIT));
            }
            case "Task_ReviewFix" -> {
                refuseIfAny(task, TaskForms.decisionProblems(task, FIX_REVIEW_OUTCOME, "Outcome",
                        List.of(APPROVED, "CHANGES_REQUESTED"), APPROVED, FIX_REVIEW_COMMENTS));
                TokenRequestVariables.addCodeReviewer(task, actor);
                auditTrail.record(actor, AuditAction.FIX_REVIEWED, requestId, tokenId(task), text(task, FIX_REVIEW_OUTCOME)
                        + commentsSuffix(text(task, FIX_REVIEW_COMMENTS)));
            }
            case "Task_ApproveReinstatement" -> {
                refuseIfAny(task, TaskForms.decisionProblems(task, REINSTATEMENT_DECISION, "Decision",
                        List.of(APPROVED, "REJECTED"), APPROVED, REINSTATEMENT_COMMENTS));
                task.setVariable(REINSTATED_BY, Variables.stringValue(actor));
                auditTrail.record(actor, AuditAction.REINSTATEMENT_DECIDED, requestId, tokenId(task),
                        text(task, REINSTATEMENT_DECISION) + commentsSuffix(text(task, REINSTATEMENT_COMMENTS)));
            }
            case "Task_RetestChangeInQa" -> {
                refuseIfAny(task, TaskForms.qaResultProblems(task));
                auditTrail.record(actor, AuditAction.CODE_CHANGE_TESTED, requestId, tokenId(task),
                        "repository " + text(task, TokenRequestVariables.CODE_REPOSITORY_URL) + " commit "
                                + text(task, TokenRequestVariables.CODE_COMMIT));
            }
            case "Task_ReviewChange" -> {
                refuseIfAny(task, TaskForms.decisionProblems(task, CHANGE_REVIEW_OUTCOME, "Outcome",
                        List.of(APPROVED, "CHANGES_REQUESTED", "REJECTED"), APPROVED, CHANGE_REVIEW_COMMENTS));
                TokenRequestVariables.addCodeReviewer(task, actor);
                auditTrail.record(actor, AuditAction.CODE_CHANGE_REVIEWED, requestId, tokenId(task),
                        text(task, CHANGE_REVIEW_OUTCOME) + commentsSuffix(text(task, CHANGE_REVIEW_COMMENTS)));
                // A rejection goes to the administrators' decision, whose outcome tells the holder.
                switch (text(task, CHANGE_REVIEW_OUTCOME)) {
                    case APPROVED -> notifier.send(Notification.toUser(text(task, HOLDER), MailKind.CODE_CHANGE_APPROVED,
                            about(task, "comments", orNone(text(task, CHANGE_REVIEW_COMMENTS)))));
                    // The re-test task that follows in this step is the holder's too: this mail carries its link.
                    case "CHANGES_REQUESTED" -> notifier.send(Notification.toUser(text(task, HOLDER),
                            MailKind.CODE_CHANGE_CHANGES_REQUESTED,
                            about(task, "comments", orNone(text(task, CHANGE_REVIEW_COMMENTS)))));
                    default -> { }
                }
            }
            case "Task_DecideOnRejectedChange" -> {
                refuseIfAny(task, TaskForms.decisionProblems(task, CHANGE_DECISION, "Decision", List.of("SUSPEND", "KEEP"),
                        "", CHANGE_DECISION_COMMENTS));
                task.setVariable(REPORTED_BY, Variables.stringValue(actor));
                auditTrail.record(actor, AuditAction.CODE_CHANGE_DECIDED, requestId, tokenId(task),
                        text(task, CHANGE_DECISION) + commentsSuffix(text(task, CHANGE_DECISION_COMMENTS)));
                // SUSPEND: the suspension that follows tells the holder.
                if ("KEEP".equals(text(task, CHANGE_DECISION))) {
                    Map<String, Object> kept = new HashMap<>(about(task, "reviewComments",
                            orNone(text(task, CHANGE_REVIEW_COMMENTS))));
                    kept.put("decisionComments", orNone(text(task, CHANGE_DECISION_COMMENTS)));
                    notifier.send(Notification.toUser(text(task, HOLDER), MailKind.CODE_CHANGE_REJECTED_TOKEN_KEPT, kept));
                }
            }
            default -> throw new IllegalStateException("No rules for task " + task.getTaskDefinitionKey());
        }
    }

    private static void refuseIfAny(DelegateTask task, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(task.getTaskDefinitionKey(),
                    "Cannot complete '" + task.getName() + "': " + String.join(" ", problems));
        }
    }

    /** The token a mail is about, and one more value. */
    private static Map<String, Object> about(DelegateTask task, String name, Object value) {
        return Map.of("environment", text(task, ENVIRONMENT), "project", text(task, PROJECT_ID), name, value);
    }

    private static String orNone(String comments) {
        return comments == null ? "" : comments;
    }

    private static String commentsSuffix(String comments) {
        return comments == null || comments.isBlank() ? "" : ": " + comments;
    }
}
