package org.tokengov.offboarding;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.tokengov.identity.ContractGroups;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;

/**
 * A rehire revokes nothing; it is kept so that earlier-dated terminations arriving late are ignored. It lifts the
 * REDCap account suspensions this system set at their termination, and tells the administrators.
 */
@Component("recordRehireDelegate")
class RecordRehireDelegate extends OffboardingStepDelegate {

    private final EffectiveDates dates;
    private final RedcapAccountSuspensions suspensions;
    private final Notifier notifier;

    RecordRehireDelegate(OffboardingEvents events, EffectiveDates dates, RedcapAccountSuspensions suspensions,
            Notifier notifier) {
        super(events);
        this.dates = dates;
        this.suspensions = suspensions;
        this.notifier = notifier;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        dates.recordRehire(event);
        List<String> lifted = suspensions.lift(event);
        if (!lifted.isEmpty()) {
            notifier.send(Notification.toGroup(ContractGroups.ADMINS, MailKind.REDCAP_ACCOUNT_UNSUSPENDED,
                    Map.of("username", event.username(), "lines", String.join("\n", lifted))));
        }
    }
}
