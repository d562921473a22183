package org.tokengov.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.notification.MailKind;

/**
 * {@code Task_RemindPis}: offers the waiting consent again to the project's PIs as REDCap names them now (a PI added
 * since sees it too) and reminds them, or the PI who claimed it; never the requester.
 */
@Component("remindPisDelegate")
class RemindPisDelegate implements JavaDelegate {

    static final String WAITING_TASK = "Task_ApproveAsPi";

    private final RequestReminders reminders;
    private final ApproveAsPiListener approval;

    RemindPisDelegate(RequestReminders reminders, ApproveAsPiListener approval) {
        this.reminders = reminders;
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remindDeciders(execution, WAITING_TASK, approval::reoffer, MailKind.PI_APPROVAL_REMINDER);
    }
}
