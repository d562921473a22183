package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckIssuanceGates}: decides from the ledger whether the calling request may get this token. Allowed:
 * the holder, project and rights variables are set to what the ledger filed, whatever the caller passed. Refused:
 * {@code refusedGate} says which gate is missing.
 */
@Component("checkIssuanceGatesDelegate")
class CheckIssuanceGatesDelegate implements JavaDelegate {

    private final IssuanceGate gate;

    CheckIssuanceGatesDelegate(IssuanceGate gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssuanceGate.Decision decision = gate.decide(execution, environment(execution));
        execution.setVariable(ISSUANCE_ALLOWED, Variables.booleanValue(decision.allowed()));
        execution.setVariable(REFUSED_GATE, Variables.stringValue(decision.missingGate()));
        if (decision.allowed()) {
            IssuanceOrder order = decision.order();
            execution.setVariable(REQUEST_ID, Variables.stringValue(order.requestId()));
            execution.setVariable(HOLDER, Variables.stringValue(order.holder()));
            execution.setVariable(PROJECT_ID, Variables.longValue(order.projectId()));
            execution.setVariable(RIGHT_EXPORT, Variables.booleanValue(order.rights().export()));
            execution.setVariable(RIGHT_IMPORT, Variables.booleanValue(order.rights().importData()));
            execution.setVariable(RIGHT_MOBILE_APP, Variables.booleanValue(order.rights().mobileApp()));
        }
    }
}
