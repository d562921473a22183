package org.tokengov.reconciliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AdoptFoundToken}: takes the found token in, if the ledger shows an administrator's adoption (or an
 * onboarding); otherwise the modelled refusal.
 */
@Component("adoptFoundTokenDelegate")
class AdoptFoundTokenDelegate implements JavaDelegate {

    private final FoundTokens foundTokens;

    AdoptFoundTokenDelegate(FoundTokens foundTokens) {
        this.foundTokens = foundTokens;
    }

    @Override
    public void execute(DelegateExecution execution) {
        foundTokens.adopt(FoundTokenVariables.tokenId(execution));
    }
}
