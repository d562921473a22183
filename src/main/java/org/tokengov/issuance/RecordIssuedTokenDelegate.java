package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewIssuedToken;
import org.tokengov.registry.TokenRegistry;

/** Records the new token in the registry and the audit trail and tells the holder where to read it. */
@Component("recordIssuedTokenDelegate")
class RecordIssuedTokenDelegate implements JavaDelegate {

    private final TokenRegistry registry;
    private final AuditTrail auditTrail;
    private final Notifier notifier;

    RecordIssuedTokenDelegate(TokenRegistry registry, AuditTrail auditTrail, Notifier notifier) {
        this.registry = registry;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
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
        if (environment == RedcapEnvironment.QA) {
            notifier.send(Notification.toUser(token.holder(),
                    "Your QA API token for REDCap project " + token.projectId() + " is ready",
                    "Log in to REDCap QA and open the project's API page to read your token. It works only in QA. "
                            + "Develop and test your code there, then complete 'Develop and test in QA' in Tasklist."));
        }
    }
}
