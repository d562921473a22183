package org.tokengov.reconciliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.lifecycle.RevocationReason;

/**
 * {@code Task_RevokeFoundToken} and {@code Task_RevokeFoundTokenOnRequest}: deletes the found token in REDCap for
 * {@code revocationReason} (set by the holder check, the administrator's decision, or the revocation message).
 * Revoking is always allowed: it only takes away.
 */
@Component("revokeFoundTokenDelegate")
class RevokeFoundTokenDelegate implements JavaDelegate {

    private final FoundTokens foundTokens;

    RevokeFoundTokenDelegate(FoundTokens foundTokens) {
        this.foundTokens = foundTokens;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(FoundTokenVariables.REVOCATION_REASON);
        foundTokens.revoke(FoundTokenVariables.tokenId(execution),
                reason == null ? RevocationReason.NOT_ADOPTED : RevocationReason.valueOf(reason.toString()));
    }
}
