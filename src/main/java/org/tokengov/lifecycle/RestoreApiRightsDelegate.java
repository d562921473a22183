package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Manual mode, compromise: the administrator made a new value; the approved rights come back. */
@Component("restoreApiRightsDelegate")
class RestoreApiRightsDelegate implements JavaDelegate {

    private final TokenRevocation revocation;

    RestoreApiRightsDelegate(TokenRevocation revocation) {
        this.revocation = revocation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revocation.restoreRights(tokenId(execution), text(execution, REPORTED_BY));
    }
}
