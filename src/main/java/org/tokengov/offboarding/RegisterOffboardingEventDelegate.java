package org.tokengov.offboarding;

import static org.tokengov.offboarding.OffboardingVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Events from HR, SCIM and the identity store arrive stored, with their id as business key. An administrator's
 * report from Tasklist is stored here, and its id becomes the business key, so every offboarding looks the same.
 */
@Component("registerOffboardingEventDelegate")
class RegisterOffboardingEventDelegate implements JavaDelegate {

    static final String MANUAL = "MANUAL";

    private final OffboardingEvents events;
    private final EffectiveDates dates;

    RegisterOffboardingEventDelegate(OffboardingEvents events, EffectiveDates dates) {
        this.events = events;
        this.dates = dates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String eventId = (String) execution.getVariable(EVENT_ID);
        if (eventId == null) {
            ManualOffboardingReport report = ManualOffboardingReport.from(execution.getVariables());
            eventId = events.insert(report.username(), MANUAL, report.reason() + " (reported by " + report.reportedBy() + ")",
                    report.type(), report.projectId(), null);
            execution.setProcessBusinessKey(eventId);
            execution.setVariable(EVENT_ID, eventId);
            execution.setVariable(USERNAME, report.username());
            execution.setVariable(SOURCE, MANUAL);
        }
        OffboardingEvent event = events.get(eventId);
        boolean now = dates.inEffect(event);
        execution.setVariable(EVENT_TYPE, event.type());
        execution.setVariable(PROJECT_ID, event.projectId());
        execution.setVariable(EFFECTIVE_AT, Date.from(event.effectiveAt()));
        execution.setVariable(EFFECTIVE_NOW, now);
        if (!now) {
            events.markWaiting(event);
        }
    }
}
