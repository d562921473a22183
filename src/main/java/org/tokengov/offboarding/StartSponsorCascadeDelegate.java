package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.tokengov.sponsorship.SponsorCascade;

/** An internal person left: the external users they sponsor lose their sponsor, and their tokens are held. */
@Component("startSponsorCascadeDelegate")
class StartSponsorCascadeDelegate extends OffboardingStepDelegate {

    private final SponsorCascade cascade;

    StartSponsorCascadeDelegate(OffboardingEvents events, SponsorCascade cascade) {
        super(events);
        this.cascade = cascade;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        cascade.startFor(event.username(), event.id());
    }
}
