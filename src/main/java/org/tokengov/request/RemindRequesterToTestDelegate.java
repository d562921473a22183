package org.tokengov.request;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;

/** {@code Task_RemindRequesterToTest}: reminds the requester that their QA test result is awaited. */
@Component("remindRequesterToTestDelegate")
class RemindRequesterToTestDelegate implements JavaDelegate {

    static final String WAITING_TASK = "Task_DevelopAndTestInQa";

    private final RequestReminders reminders;

    RemindRequesterToTestDelegate(RequestReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.request(execution).ifPresent(request -> reminders.send(execution,
                Notification.toUser(request.requester(), MailKind.QA_TESTING_REMINDER,
                        Map.of("project", request.productionProjectId())),
                reminders.waitingTask(execution, WAITING_TASK), WAITING_TASK));
    }
}
