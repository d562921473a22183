package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;

/**
 * Reminds whoever must act on the waiting step named by the input parameter {@code reminderFor}, with the link to
 * that step's task.
 */
@Component("sendReminderDelegate")
class SendReminderDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final AuditTrail auditTrail;

    SendReminderDelegate(Notifier notifier, AuditTrail auditTrail) {
        this.notifier = notifier;
        this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String step = text(execution, REMINDER_FOR);
        String requester = requester(execution);
        long project = productionProjectId(execution);
        Notification reminder = switch (step) {
            case "Task_ConfirmSponsorship" -> Notification.toUser(text(execution, SPONSOR),
                    "Reminder: confirm that you sponsor " + requester + "'s API token (project " + project + ")",
                    requester + " is an external user who named you as sponsor. Confirm or decline in Tasklist.");
            case "Task_DevelopAndTestInQa" -> Notification.toUser(requester,
                    "Reminder: finish QA testing for REDCap project " + project,
                    "Your API token request waits for your QA test results. If you no longer need the token, say so in Tasklist.");
            case "Task_ReviewCode" -> Notification.toGroup("api-specialists",
                    "Reminder: API code review waiting for " + requester + " (project " + project + ")",
                    "An API code review has been waiting in Tasklist. Claim it in the 'Code reviews' filter.");
            case "Task_ApproveRelease" -> Notification.toGroup(CloseRequestDelegate.ADMINS_GROUP,
                    "Reminder: production release approval waiting for " + requester + " (project " + project + ")",
                    "A production release approval has been waiting in Tasklist. Claim it in the 'Approvals' filter.");
            default -> throw new IllegalStateException("No reminder for step " + step);
        };
        notifier.send(waitingTask(execution, step).map(reminder::aboutTask).orElse(reminder));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REMINDER_SENT, execution.getProcessInstanceId(), null,
                "Reminder for " + step);
    }

    private static Optional<String> waitingTask(DelegateExecution execution, String step) {
        // The reminder's timer sits on the task, so the task is open; it runs as a job, with nobody's authorizations.
        return execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(step).list().stream()
                .map(Task::getId).findFirst();
    }
}
