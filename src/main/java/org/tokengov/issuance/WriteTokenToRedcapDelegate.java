package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.redcap.TokenFingerprint;

/**
 * {@code Task_WriteTokenToRedcap}, database mode: creates the token in REDCap's schema with what the ledger filed,
 * after checking the gates once more at the moment of writing (the step is asynchronous: nothing set in between
 * counts), and that the PI has not since switched off in REDCap the rights their consent there covered; keeps only its
 * fingerprint. A gate missing now is the modelled error {@value #REFUSED}.
 */
@Component("writeTokenToRedcapDelegate")
class WriteTokenToRedcapDelegate implements JavaDelegate {

    static final String REFUSED = IssuanceRefusals.ERROR_CODE;

    private final IssuanceGate gate;
    private final PiConsentStillInRedcap consent;
    private final TokenAdministration administration;

    WriteTokenToRedcapDelegate(IssuanceGate gate, PiConsentStillInRedcap consent, TokenAdministration administration) {
        this.gate = gate;
        this.consent = consent;
        this.administration = administration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssuanceGate.Decision decision = gate.decide(execution, environment(execution));
        if (!decision.allowed()) {
            refuse(execution, decision.missingGate());
        }
        IssuanceOrder order = decision.order();
        consent.withdrawnFrom(order).ifPresent(withdrawn -> refuse(execution, withdrawn));
        TokenFingerprint fingerprint = administration.create(order.environment(), order.projectId(), order.holder(),
                order.rights(), AuditTrail.SYSTEM_ACTOR);
        execution.setVariable(TOKEN_FINGERPRINT, fingerprint.sha256Hex());
    }

    private static void refuse(DelegateExecution execution, String missingGate) {
        execution.setVariable(REFUSED_GATE, Variables.stringValue(missingGate));
        throw new BpmnError(REFUSED, missingGate);
    }
}
