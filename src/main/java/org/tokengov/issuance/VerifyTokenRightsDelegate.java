package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Manual mode: checks through REDCap's API that the administrator set exactly the approved rights. */
@Component("verifyTokenRightsDelegate")
class VerifyTokenRightsDelegate implements JavaDelegate {

    private final RightsVerification verification;

    VerifyTokenRightsDelegate(RightsVerification verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> problem = verification.problem(environment(execution), projectId(execution),
                holder(execution), rights(execution));
        execution.setVariable(RIGHTS_VERIFIED, Variables.booleanValue(problem.isEmpty()));
        execution.setVariable(VERIFICATION_PROBLEM, Variables.stringValue(problem.orElse(null)));
        execution.setVariable(TOKEN_CREATED_CONFIRMED, Variables.booleanValue(false));
    }
}
