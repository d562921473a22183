package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RefuseTokensReversibly}: a departure held in a termination wave; REDCap refuses the person's tokens at
 * once, by a lever that a rejection can undo ({@link WaveLevers}).
 */
@Component("refuseTokensReversiblyDelegate")
class RefuseTokensReversiblyDelegate extends OffboardingStepDelegate {

    private final WaveLevers levers;

    RefuseTokensReversiblyDelegate(OffboardingEvents events, WaveLevers levers) {
        super(events);
        this.levers = levers;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        levers.refuse(event);
    }
}
