package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.registry.TokenRequests;

/**
 * {@code Task_RecheckPiConsent}: while a PI's approval waits, asks REDCap again; once the PI has enabled the requested
 * rights there, the consent is recorded and {@code piConsentInRedcap} ends the waiting task (its conditional boundary
 * event). Setting that variable by other means moves the diagram but records no consent: issuance would refuse.
 */
@Component("recheckPiConsentDelegate")
class RecheckPiConsentDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecheckPiConsentDelegate.class);

    private final PiConsents consents;
    private final TokenRequests requests;

    RecheckPiConsentDelegate(PiConsents consents, TokenRequests requests) {
        this.consents = consents;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            requests.find(execution.getProcessInstanceId()).filter(consents::givenInRedcapSince).ifPresent(request ->
                    execution.getProcessInstance().setVariable(PI_CONSENT_IN_REDCAP, Variables.booleanValue(true)));
        } catch (RedcapUnavailableException unavailable) {
            // A look that can wait: the next cycle asks again, and the PI can answer the task meanwhile. Retrying it
            // into an incident would only give an administrator work.
            log.info("REDCap could not be asked for the PI's consent to request {} now: {}",
                    execution.getProcessInstanceId(), unavailable.getMessage());
        }
    }
}
