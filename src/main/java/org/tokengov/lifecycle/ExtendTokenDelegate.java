package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/** The holder confirmed: the token is valid for another period, and the next renewal cycle counts from there. */
@Component("extendTokenDelegate")
class ExtendTokenDelegate implements JavaDelegate {

    private final TokenRegistry registry;
    private final AuditTrail auditTrail;

    ExtendTokenDelegate(TokenRegistry registry, AuditTrail auditTrail) {
        this.registry = registry;
        this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssuedToken token = registry.extend(tokenId(execution));
        execution.setVariable(EXPIRES_AT, Variables.dateValue(Date.from(token.expiresAt())));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_EXTENDED, token.requestId(), token.id(),
                "now expires " + token.expiresAt());
    }
}
