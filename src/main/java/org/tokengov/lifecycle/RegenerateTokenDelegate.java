package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Database mode: a compromised token gets a new value in REDCap at once. */
@Component("regenerateTokenDelegate")
class RegenerateTokenDelegate implements JavaDelegate {

    private final TokenRevocation revocation;

    RegenerateTokenDelegate(TokenRevocation revocation) {
        this.revocation = revocation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revocation.regenerate(tokenId(execution), text(execution, REPORTED_BY));
    }
}
