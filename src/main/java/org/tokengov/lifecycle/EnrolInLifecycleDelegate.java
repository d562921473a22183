package org.tokengov.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.registry.TokenRegistry;

/** Issuance's last recording step: the new token gets its own {@code TokenLifecycleProcess}. */
@Component("enrolInLifecycleDelegate")
class EnrolInLifecycleDelegate implements JavaDelegate {

    private final TokenRegistry registry;
    private final TokenLifecycles lifecycles;

    EnrolInLifecycleDelegate(TokenRegistry registry, TokenLifecycles lifecycles) {
        this.registry = registry;
        this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tokenId = TokenLifecycleVariables.tokenId(execution);
        lifecycles.enrol(registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId)));
    }
}
