package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.PROCESS;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.TokenCase;
import org.tokengov.redcaplog.TokenValueInRedcapLog;

/**
 * A live token's value in REDCap's log is a compromise: reported to the token's lifecycle as a holder's report is
 * ({@link TokenLifecycles#reportCompromised}, by the system), so it gets a new value. Once per case: while a compromise
 * is being dealt with (reported, no new value yet), another sighting opens no second one. Runs in the log reader's
 * transaction, so the report and the reader's record of the sighting commit together; the engine calls open a command
 * context of their own, as the reader may run inside a job (the inactivity sweep, a renewal notice) whose command
 * context commits in another transaction.
 */
@Component
class CompromiseFoundInRedcapLog {

    private static final Logger log = LoggerFactory.getLogger(CompromiseFoundInRedcapLog.class);

    private final TokenLifecycles lifecycles;
    private final LedgerCases cases;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AuditTrail auditTrail;

    CompromiseFoundInRedcapLog(TokenLifecycles lifecycles, LedgerCases cases, RuntimeService runtime,
            IdentityService identity, AuditTrail auditTrail) {
        this.lifecycles = lifecycles;
        this.cases = cases;
        this.runtime = runtime;
        this.identity = identity;
        this.auditTrail = auditTrail;
    }

    @EventListener
    void leaked(TokenValueInRedcapLog leak) {
        try {
            ProcessEngineContext.withNewProcessEngineContext(() -> {
                report(leak);
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not report the leak of token " + leak.tokenId(), e);
        }
    }

    private void report(TokenValueInRedcapLog leak) {
        TokenCase token = cases.token(leak.tokenId()).orElse(null);
        if (token == null || !token.token().state().isLive()) {
            return;
        }
        if (token.compromiseOpen()) {
            log.info("Token {} is already being replaced after a compromise report: the log's sighting opens no"
                    + " second case", leak.tokenId());
            return;
        }
        boolean hasLifecycle = SystemAuthority.call(identity, () -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(leak.tokenId()).count() > 0);
        if (!hasLifecycle) {
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_VALUE_IN_REDCAP_LOG, token.token().requestId(),
                    leak.tokenId(), "no lifecycle to replace the token: regenerate it in REDCap by hand");
            return;
        }
        lifecycles.reportCompromised(leak.tokenId(), AuditTrail.SYSTEM_ACTOR);
    }
}
