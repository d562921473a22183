package org.tokengov.request;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;

/** {@code Task_RemindSponsor}: reminds the sponsor the ledger names that an external's request waits for them. */
@Component("remindSponsorDelegate")
class RemindSponsorDelegate implements JavaDelegate {

    static final String WAITING_TASK = "Task_ConfirmSponsorship";

    private final RequestReminders reminders;
    private final LedgerCases cases;

    RemindSponsorDelegate(RequestReminders reminders, LedgerCases cases) {
        this.reminders = reminders;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.request(execution.getProcessInstanceId()).sponsorToConfirm().ifPresent(sponsor ->
                reminders.request(execution).ifPresent(request -> reminders.send(execution,
                        Notification.toUser(sponsor, MailKind.SPONSORSHIP_REMINDER,
                                Map.of("requester", request.requester(), "project", request.productionProjectId())),
                        reminders.waitingTask(execution, WAITING_TASK), WAITING_TASK)));
    }
}
