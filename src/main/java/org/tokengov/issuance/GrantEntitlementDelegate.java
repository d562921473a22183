package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the new holder in the environment's entitlement group (an identity-store call: asynchronous, retried). */
@Component("grantEntitlementDelegate")
class GrantEntitlementDelegate implements JavaDelegate {

    private final TokenEntitlements entitlements;

    GrantEntitlementDelegate(TokenEntitlements entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        entitlements.grant(holder(execution), environment(execution), requestId(execution));
    }
}
