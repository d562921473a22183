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
 * counts); keeps only its fingerprint. A gate missing now is the modelled error {@value #REFUSED}.
 */
@Component("writeTokenToRedcapDelegate")
class WriteTokenToRedcapDelegate implements JavaDelegate {

    static final String REFUSED = IssuanceRefusals.ERROR_CODE;

    private final IssuanceGate gate;
    private final TokenAdministration administration;

    WriteTokenToRedcapDelegate(IssuanceGate gate, TokenAdministration administration) {
        this.gate = gate;
        this.administration = administration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssuanceGate.Decision decision = gate.decide(execution, environment(execution));
        if (!decision.allowed()) {
            execution.setVariable(REFUSED_GATE, Variables.stringValue(decision.missingGate()));
            throw new BpmnError(REFUSED, decision.missingGate());
        }
        IssuanceOrder order = decision.order();
        TokenFingerprint fingerprint = administration.create(order.environment(), order.projectId(), order.holder(),
                order.rights(), AuditTrail.SYSTEM_ACTOR);
        execution.setVariable(TOKEN_FINGERPRINT, fingerprint.sha256Hex());
    }
}
