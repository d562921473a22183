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
 * {@code Task_RemindReviewers}: offers the waiting code review again to the API specialists who may give it (people
 * who joined the group since see it too), and reminds them; never the requester.
 */
@Component("remindReviewersDelegate")
class RemindReviewersDelegate implements JavaDelegate {

    static final String WAITING_TASK = "Task_ReviewCode";

    private final RequestReminders reminders;
    private final ReviewCodeListener review;

    RemindReviewersDelegate(RequestReminders reminders, ReviewCodeListener review) {
        this.reminders = reminders;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.waitingTask(execution, WAITING_TASK).ifPresent(task -> reminders.request(execution).ifPresent(request -> {
            List<String> people = List.copyOf(task.getAssignee() != null ? List.of(task.getAssignee()) : review.reoffer(task));
            reminders.send(execution, new Notification(people, List.of(), MailKind.CODE_REVIEW_REMINDER,
                    Map.of("requester", request.requester(), "project", request.productionProjectId())),
                    Optional.of(task), WAITING_TASK);
        }));
    }
}
