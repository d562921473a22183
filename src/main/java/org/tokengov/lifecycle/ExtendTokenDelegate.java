package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.TokenCase;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * The holder confirmed: the token is valid for another period, the next renewal cycle counts from there, and the
 * holder is told the new expiry day. An adopted token is extended only after the review after the fact.
 */
@Component("extendTokenDelegate")
class ExtendTokenDelegate implements JavaDelegate {

    private final TokenRegistry registry;
    private final AuditTrail auditTrail;
    private final Notifier notifier;
    private final LedgerCases cases;

    ExtendTokenDelegate(TokenRegistry registry, AuditTrail auditTrail, Notifier notifier, LedgerCases cases) {
        this.registry = registry;
        this.cases = cases;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> missing = cases.token(tokenId(execution)).flatMap(TokenCase::missingForExtension);
        if (missing.isPresent()) {
            refuse(tokenId(execution), missing.get());
            return;
        }
        IssuedToken token = registry.extend(tokenId(execution));
        execution.setVariable(EXPIRES_AT, Variables.dateValue(Date.from(token.expiresAt())));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_EXTENDED, token.requestId(), token.id(),
                "now expires " + token.expiresAt());
        String expiresOn = token.expiresAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        notifier.send(Notification.toUser(token.holder(), MailKind.TOKEN_RENEWED, Map.of("environment",
                token.environment().name(), "project", token.projectId(), "expiresOn", expiresOn)));
    }

    /**
     * The token stays as it is and expires on its day unless the missing gate is passed first: the renewal cycle
     * starts again at once, so the holder can confirm again once it is.
     */
    private void refuse(String tokenId, String missing) {
        IssuedToken token = registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.EXTENSION_REFUSED, token.requestId(), tokenId, missing);
        notifier.send(Notification.toUser(token.holder(), MailKind.EXTENSION_REFUSED, Map.of("environment",
                token.environment().name(), "project", token.projectId(), "expiresOn",
                token.expiresAt().atZone(ZoneOffset.UTC).toLocalDate().toString(), "reason", missing)));
    }
}
