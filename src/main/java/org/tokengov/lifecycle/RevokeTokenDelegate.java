package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Revokes the token for {@code revocationReason} (an input parameter of the step, or the message's variable). */
@Component("revokeTokenDelegate")
class RevokeTokenDelegate implements JavaDelegate {

    private final TokenRevocation revocation;

    RevokeTokenDelegate(TokenRevocation revocation) {
        this.revocation = revocation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revocation.revoke(tokenId(execution), RevocationReason.valueOf(text(execution, REVOCATION_REASON)));
    }
}
