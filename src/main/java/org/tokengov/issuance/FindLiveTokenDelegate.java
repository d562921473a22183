package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/** Sets {@code tokenId} to the holder's live token on this project and environment, or to null if there is none. */
@Component("findLiveTokenDelegate")
class FindLiveTokenDelegate implements JavaDelegate {

    private final TokenRegistry registry;

    FindLiveTokenDelegate(TokenRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tokenId = registry.liveToken(holder(execution), environment(execution), projectId(execution))
                .map(IssuedToken::id).orElse(null);
        execution.setVariable(TOKEN_ID, Variables.stringValue(tokenId));
    }
}
