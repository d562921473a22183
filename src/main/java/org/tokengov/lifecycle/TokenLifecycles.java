package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.registry.IssuedToken;

/** Starts a token's lifecycle, and sends it the events that others raise (revocation, compromise). */
@Service
public class TokenLifecycles {

    private final RuntimeService runtime;
    private final AuditTrail auditTrail;

    TokenLifecycles(RuntimeService runtime, AuditTrail auditTrail) {
        this.runtime = runtime;
        this.auditTrail = auditTrail;
    }

    public void enrol(IssuedToken token) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(token.id()).count() > 0) {
            return;
        }
        runtime.startProcessInstanceByKey(PROCESS, token.id(), Variables.createVariables()
                .putValue(TOKEN_ID, token.id())
                .putValue(HOLDER, token.holder())
                .putValue(ENVIRONMENT, token.environment().name())
                .putValue(PROJECT_ID, token.projectId())
                .putValue(REQUEST_ID, token.requestId())
                .putValue("rightExport", token.rightExport())
                .putValue("rightImport", token.rightImport())
                .putValue("rightMobileApp", token.rightMobileApp())
                .putValue(EXPIRES_AT, Date.from(token.expiresAt())));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.LIFECYCLE_STARTED, token.requestId(), token.id(),
                "expires " + token.expiresAt());
    }

    public void revoke(String tokenId, RevocationReason reason, String by) {
        runtime.createMessageCorrelation(MSG_REVOKE_TOKEN).processInstanceBusinessKey(tokenId)
                .setVariables(Map.of(REVOCATION_REASON, reason.name(), REPORTED_BY, by))
                .correlateWithResult();
    }

    public void reportCompromised(String tokenId, String by) {
        runtime.createMessageCorrelation(MSG_TOKEN_COMPROMISED).processInstanceBusinessKey(tokenId)
                .setVariable(REPORTED_BY, by)
                .correlateWithResult();
    }
}
