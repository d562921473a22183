package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Manual mode: checks through REDCap's API that the administrator set exactly the rights the ledger filed. This step's
 * transaction records the token, so it first locks the holder (see {@link IssuanceGate#departureOf}): a holder who has
 * left meanwhile is the modelled error {@value IssuanceRefusals#ERROR_CODE}, and the administrators are told to
 * delete the token made for them in the Control Center (the system cannot, in this mode).
 */
@Component("verifyTokenRightsDelegate")
class VerifyTokenRightsDelegate implements JavaDelegate {

    private final IssuanceGate gate;
    private final RightsVerification verification;

    VerifyTokenRightsDelegate(IssuanceGate gate, RightsVerification verification) {
        this.gate = gate;
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssuanceOrder order = gate.order(execution, environment(execution));
        Optional<String> departure = gate.departureOf(order.holder());
        if (departure.isPresent()) {
            String refusal = departure.get() + "; delete the " + order.environment() + " token made in REDCap's Control"
                    + " Center for " + order.holder() + " on project " + order.projectId();
            execution.setVariable(REFUSED_GATE, Variables.stringValue(refusal));
            throw new BpmnError(IssuanceRefusals.ERROR_CODE, refusal);
        }
        Optional<String> problem = verification.problem(order.environment(), order.projectId(), order.holder(),
                order.rights());
        execution.setVariable(RIGHTS_VERIFIED, Variables.booleanValue(problem.isEmpty()));
        execution.setVariable(VERIFICATION_PROBLEM, Variables.stringValue(problem.orElse(null)));
        execution.setVariable(TOKEN_CREATED_CONFIRMED, Variables.booleanValue(false));
    }
}
