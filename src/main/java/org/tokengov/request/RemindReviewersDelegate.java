package org.tokengov.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.notification.MailKind;

/**
 * {@code Task_RemindReviewers}: offers the waiting code review again to the API specialists who may give it, and
 * reminds them; never the requester.
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
        reminders.remindDeciders(execution, WAITING_TASK, review::reoffer, MailKind.CODE_REVIEW_REMINDER);
    }
}
