package org.tokengov.lifecycle;

import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.redcaplog.TokenValueInRedcapLog;

/**
 * A live token's value in REDCap's log is a compromise, reported by the system ({@link FoundCompromises}). Runs in the
 * log reader's transaction, so the report and the reader's record of the sighting commit together; the engine calls
 * open a command context of their own, as the reader may run inside a job (the inactivity sweep, a renewal notice)
 * whose command context commits in another transaction.
 */
@Component
class CompromiseFoundInRedcapLog {

    private final FoundCompromises compromises;
    private final LedgerCases cases;
    private final AuditTrail auditTrail;

    CompromiseFoundInRedcapLog(FoundCompromises compromises, LedgerCases cases, AuditTrail auditTrail) {
        this.compromises = compromises;
        this.cases = cases;
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
        if (compromises.report(leak.tokenId(), AuditTrail.SYSTEM_ACTOR) == FoundCompromises.Outcome.NO_LIFECYCLE) {
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_VALUE_IN_REDCAP_LOG,
                    cases.token(leak.tokenId()).map(token -> token.token().requestId()).orElse(null), leak.tokenId(),
                    "no lifecycle to replace the token: regenerate it in REDCap by hand");
        }
    }
}
