package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewIssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Records the new token in the registry and the audit trail. The holder learns of it from the mail of the task that
 * follows ('Develop and test in QA' says where to read the QA token; the request's closing mail, the production one).
 */
@Component("recordIssuedTokenDelegate")
class RecordIssuedTokenDelegate implements JavaDelegate {

    private final TokenRegistry registry;
    private final AuditTrail auditTrail;

    RecordIssuedTokenDelegate(TokenRegistry registry, AuditTrail auditTrail) {
        this.registry = registry;
        this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RedcapEnvironment environment = environment(execution);
        IssuedToken token = registry.recordIssued(new NewIssuedToken(requestId(execution), holder(execution),
                environment, projectId(execution), rights(execution), fingerprint(execution)));
        execution.setVariable(TOKEN_ID, token.id());
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_ISSUED, token.requestId(), token.id(),
                environment + " token on project " + token.projectId() + " for " + token.holder()
                        + (token.fingerprint() == null ? " (created by hand)" : " fingerprint sha256:" + token.fingerprint())
                        + ", expires " + token.expiresAt());
    }
}
