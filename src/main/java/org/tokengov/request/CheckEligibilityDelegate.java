package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;

/** Decides eligibility and writes {@code eligible} and {@code ineligibilityReason}. */
@Component("checkEligibilityDelegate")
class CheckEligibilityDelegate implements JavaDelegate {

    private final EligibilityCheck check;
    private final AuditTrail auditTrail;

    CheckEligibilityDelegate(EligibilityCheck check, AuditTrail auditTrail) {
        this.check = check;
        this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EligibilityDecision decision = check.decide(new TokenRequestFacts(requester(execution),
                longOrNull(execution, PRODUCTION_PROJECT_ID), longOrNull(execution, QA_PROJECT_ID),
                fairUseAccepted(execution)));
        execution.setVariable(ELIGIBLE, Variables.booleanValue(decision.eligible()));
        execution.setVariable(INELIGIBILITY_REASON, Variables.stringValue(decision.reason()));
        execution.setVariable(SPONSOR, Variables.stringValue(decision.sponsor()));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR,
                decision.eligible() ? AuditAction.ELIGIBILITY_PASSED : AuditAction.ELIGIBILITY_FAILED,
                execution.getProcessInstanceId(), null,
                decision.eligible() ? (decision.sponsor() == null ? null : "sponsor " + decision.sponsor()) : decision.reason());
    }

    private static Long longOrNull(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Number number ? number.longValue() : null;
    }
}
