package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.notification.MailKind;
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
        Map<String, Object> about = Map.of("requester", requester, "project", project);
        Notification reminder = switch (step) {
            case "Task_ConfirmSponsorship" -> Notification.toUser(text(execution, SPONSOR),
                    MailKind.SPONSORSHIP_REMINDER, about);
            case "Task_DevelopAndTestInQa" -> Notification.toUser(requester, MailKind.QA_TESTING_REMINDER,
                    Map.of("project", project));
            case "Task_ReviewCode" -> Notification.toGroup(ContractGroups.SPECIALISTS, MailKind.CODE_REVIEW_REMINDER, about);
            case "Task_ApproveRelease" -> Notification.toGroup(ContractGroups.ADMINS,
                    MailKind.RELEASE_APPROVAL_REMINDER, about);
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
