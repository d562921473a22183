package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Fixes which tokens this offboarding revokes (see OffboardingScope). */
@Component("findTokensInScopeDelegate")
class FindTokensInScopeDelegate extends OffboardingStepDelegate {

    private final OffboardingScope scope;

    FindTokensInScopeDelegate(OffboardingEvents events, OffboardingScope scope) {
        super(events);
        this.scope = scope;
    }

    @Override
    void handle(OffboardingEvent event, DelegateExecution execution) {
        execution.setVariable(OffboardingVariables.TOKEN_COUNT, scope.collect(event));
    }
}
