package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code Task_GiveTokensBack}: the wave holding this departure was rejected; what its hold did is undone. */
@Component("giveTokensBackDelegate")
class GiveTokensBackDelegate extends OffboardingStepDelegate {

    private final WaveLevers levers;

    GiveTokensBackDelegate(OffboardingEvents events, WaveLevers levers) {
        super(events);
        this.levers = levers;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        levers.giveBack(event);
    }
}
