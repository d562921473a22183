package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.TokenRequests;

/**
 * Decides eligibility of the request as the ledger filed it, records the gate in the ledger, and writes {@code
 * eligible}, {@code ineligibilityReason} and {@code sponsor} for the diagram's routing and messages.
 */
@Component("checkEligibilityDelegate")
class CheckEligibilityDelegate implements JavaDelegate {

    private final EligibilityCheck check;
    private final TokenRequests requests;
    private final Ledger ledger;
    private final AuditTrail auditTrail;

    CheckEligibilityDelegate(EligibilityCheck check, TokenRequests requests, Ledger ledger, AuditTrail auditTrail) {
        this.check = check;
        this.requests = requests;
        this.ledger = ledger;
        this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = execution.getProcessInstanceId();
        EligibilityDecision decision = requests.find(requestId).map(check::decide)
                .orElseGet(() -> EligibilityDecision.ineligible("This request was not submitted through the request "
                        + "form. Start a new request in Tasklist."));
        ledger.record(CaseRef.request(requestId), LedgerKind.ELIGIBILITY, decision.eligible() ? "ELIGIBLE" : "INELIGIBLE",
                AuditTrail.SYSTEM_ACTOR, decision.sponsor(), decision.reason());
        execution.setVariable(ELIGIBLE, Variables.booleanValue(decision.eligible()));
        execution.setVariable(INELIGIBILITY_REASON, Variables.stringValue(decision.reason()));
        execution.setVariable(SPONSOR, Variables.stringValue(decision.sponsor()));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR,
                decision.eligible() ? AuditAction.ELIGIBILITY_PASSED : AuditAction.ELIGIBILITY_FAILED, requestId, null,
                decision.eligible() ? (decision.sponsor() == null ? null : "sponsor " + decision.sponsor()) : decision.reason());
    }
}
