package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewIssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Records the new token in the registry, the ledger and the audit trail, with what the ledger ordered. The holder
 * learns of it from the mail of the task that follows ('Develop and test in QA' says where to read the QA token; the
 * request's closing mail, the production one).
 */
@Component("recordIssuedTokenDelegate")
class RecordIssuedTokenDelegate implements JavaDelegate {

    private final IssuanceGate gate;
    private final TokenRegistry registry;
    private final Ledger ledger;
    private final AuditTrail auditTrail;

    RecordIssuedTokenDelegate(IssuanceGate gate, TokenRegistry registry, Ledger ledger, AuditTrail auditTrail) {
        this.gate = gate;
        this.registry = registry;
        this.ledger = ledger;
        this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssuanceOrder order = gate.order(execution, environment(execution));
        IssuedToken token = registry.recordIssued(new NewIssuedToken(order.requestId(), order.holder(),
                order.environment(), order.projectId(), order.rights(), fingerprint(execution)));
        execution.setVariable(TOKEN_ID, token.id());
        ledger.record(CaseRef.request(order.requestId()), LedgerKind.TOKEN_ISSUED, order.environment().name(),
                AuditTrail.SYSTEM_ACTOR, order.holder(), "token " + token.id());
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_ISSUED, token.requestId(), token.id(),
                order.environment() + " token on project " + token.projectId() + " for " + token.holder()
                        + (token.fingerprint() == null ? " (created by hand)" : " fingerprint sha256:" + token.fingerprint())
                        + ", expires " + token.expiresAt());
    }
}
