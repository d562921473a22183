package org.tokengov.request;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;

/**
 * {@code Task_RemindApprovers}: offers the waiting release approval again to the REDCap administrators who may give
 * it, and reminds them; never the requester or a reviewer of the code.
 */
@Component("remindApproversDelegate")
class RemindApproversDelegate implements JavaDelegate {

    static final String WAITING_TASK = "Task_ApproveRelease";

    private final RequestReminders reminders;
    private final ApproveReleaseListener approval;

    RemindApproversDelegate(RequestReminders reminders, ApproveReleaseListener approval) {
        this.reminders = reminders;
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.waitingTask(execution, WAITING_TASK).ifPresent(task -> reminders.request(execution).ifPresent(request -> {
            List<String> people = List.copyOf(task.getAssignee() != null ? List.of(task.getAssignee()) : approval.reoffer(task));
            reminders.send(execution, new Notification(people, List.of(), MailKind.RELEASE_APPROVAL_REMINDER,
                    Map.of("requester", request.requester(), "project", request.productionProjectId())),
                    Optional.of(task), WAITING_TASK);
        }));
    }
}
