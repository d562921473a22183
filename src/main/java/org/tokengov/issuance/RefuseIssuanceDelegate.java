package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.LedgerCases;

/**
 * {@code Task_RefuseIssuance}: a gate was missing, so nothing is created in REDCap: refused on the ledger and the audit
 * trail, the REDCap administrators told; the diagram then ends with the error the calling request catches.
 */
@Component("refuseIssuanceDelegate")
class RefuseIssuanceDelegate implements JavaDelegate {

    private final IssuanceRefusals refusals;
    private final LedgerCases cases;

    RefuseIssuanceDelegate(IssuanceRefusals refusals, LedgerCases cases) {
        this.refusals = refusals;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = CallingRequest.idOf(execution).orElse(null);
        // Who it was for, as the ledger filed it: the variables of a refused issuance prove nothing.
        String holder = requestId == null ? null : cases.request(requestId).requester().orElse(null);
        refusals.refuse(requestId == null ? null : CaseRef.request(requestId), requestId, null,
                "a " + text(execution, ENVIRONMENT) + " token", holder, text(execution, REFUSED_GATE));
    }
}
