package org.tokengov.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.ledger.TokenCase;

/**
 * {@code Task_RegenerateToken}, database mode: a live token someone reported compromised (on the ledger) gets a new
 * value in REDCap at once, with the rights the registry holds.
 */
@Component("regenerateTokenDelegate")
class RegenerateTokenDelegate implements JavaDelegate {

    private final RestoreGates gates;
    private final TokenRevocation revocation;

    RegenerateTokenDelegate(RestoreGates gates, TokenRevocation revocation) {
        this.gates = gates;
        this.revocation = revocation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TokenCase token = gates.require(execution, "regenerating a compromised token", TokenCase::missingForRegeneration);
        revocation.regenerate(token.token().id(), token.compromiseReporter().orElseThrow());
    }
}
