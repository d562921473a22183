package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * {@code Task_CheckPiConsent}: after eligibility, reads the requester's API rights in REDCap for the request as the
 * ledger filed it. Consent found (or not required) is recorded; otherwise {@code piApprovalNeeded} routes the request to
 * {@code Task_ApproveAsPi}. The variable only routes: issuance reads the consent from the ledger.
 */
@Component("checkPiConsentDelegate")
class CheckPiConsentDelegate implements JavaDelegate {

    private final PiConsents consents;
    private final TokenRequests requests;

    CheckPiConsentDelegate(PiConsents consents, TokenRequests requests) {
        this.consents = consents;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TokenRequestRecord request = requests.find(execution.getProcessInstanceId()).orElseThrow(() ->
                new IllegalStateException("Request " + execution.getProcessInstanceId() + " was never filed"));
        PiConsents.Look look = consents.firstLook(request);
        execution.setVariable(PI_APPROVAL_NEEDED, Variables.booleanValue(!look.consented()));
        execution.setVariable(PI_CONSENT_MISSING, Variables.stringValue(String.join("\n", look.missing())));
    }
}
