package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.registry.TokenRequests;

/**
 * {@code Task_RecheckPiConsent}: while a PI's approval waits, asks REDCap again; once the PI has enabled the requested
 * rights there, the consent is recorded and {@code piConsentInRedcap} ends the waiting task (its conditional boundary
 * event). Setting that variable by other means moves the diagram but records no consent: issuance would refuse.
 */
@Component("recheckPiConsentDelegate")
class RecheckPiConsentDelegate implements JavaDelegate {

    private final PiConsents consents;
    private final TokenRequests requests;

    RecheckPiConsentDelegate(PiConsents consents, TokenRequests requests) {
        this.consents = consents;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.find(execution.getProcessInstanceId()).filter(consents::givenInRedcapSince).ifPresent(request ->
                execution.getProcessInstance().setVariable(PI_CONSENT_IN_REDCAP, Variables.booleanValue(true)));
    }
}
