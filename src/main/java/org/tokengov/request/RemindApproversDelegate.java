package org.tokengov.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.notification.MailKind;

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
        reminders.remindDeciders(execution, WAITING_TASK, approval::reoffer, MailKind.RELEASE_APPROVAL_REMINDER);
    }
}
