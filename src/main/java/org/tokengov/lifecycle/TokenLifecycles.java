package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.IssuedToken;

/** Starts a token's lifecycle, and sends it the events that others raise (revocation, compromise). */
@Service
public class TokenLifecycles {

    static final String REVIEW_AFTER_ADOPTION = "This token was made in REDCap outside the request process and adopted:"
            + " its code was never reviewed. Test it in QA and submit it for review; the token is extended at renewal"
            + " only after an API specialist approved it.";

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AuditTrail auditTrail;
    private final Ledger ledger;

    TokenLifecycles(RuntimeService runtime, IdentityService identity, AuditTrail auditTrail, Ledger ledger) {
        this.runtime = runtime;
        this.identity = identity;
        this.auditTrail = auditTrail;
        this.ledger = ledger;
    }

    private void asSystem(Runnable correlation) {
        SystemAuthority.run(identity, correlation);
    }

    /** Starts the token's lifecycle and audits it in one transaction (the caller's, when a step enrols it). */
    @Transactional
    public void enrol(IssuedToken token) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(token.id()).count() > 0) {
            return;
        }
        asSystem(() -> runtime.startProcessInstanceByKey(PROCESS, token.id(), Variables.createVariables()
                .putValue(TOKEN_ID, token.id())
                .putValue(HOLDER, token.holder())
                .putValue(ENVIRONMENT, token.environment().name())
                .putValue(PROJECT_ID, token.projectId())
                .putValue(REQUEST_ID, token.requestId())
                .putValue("rightExport", token.rightExport())
                .putValue("rightImport", token.rightImport())
                .putValue("rightMobileApp", token.rightMobileApp())
                .putValue(EXPIRES_AT, Date.from(token.expiresAt()))));
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.LIFECYCLE_STARTED, token.requestId(), token.id(),
                "expires " + token.expiresAt());
    }

    public void revoke(String tokenId, RevocationReason reason, String by) {
        asSystem(() -> runtime.createMessageCorrelation(MSG_REVOKE_TOKEN).processInstanceBusinessKey(tokenId)
                .setVariables(Map.of(REVOCATION_REASON, reason.name(), REPORTED_BY, by))
                .correlateWithResult());
    }

    /**
     * The token was revoked elsewhere (an offboarding): its lifecycle, if still running, ends through its revocation
     * path, which finds the token already revoked. No lifecycle is no error: the token may predate it.
     */
    public void closeRevoked(String tokenId, RevocationReason reason) {
        asSystem(() -> runtime.createMessageCorrelation(MSG_REVOKE_TOKEN).processInstanceBusinessKey(tokenId)
                .setVariables(Map.of(REVOCATION_REASON, reason.name(), REPORTED_BY, AuditTrail.SYSTEM_ACTOR))
                .correlateAllWithResult());
    }

    public void suspend(String tokenId, String reason, String by) {
        asSystem(() -> runtime.createMessageCorrelation(MSG_SUSPEND_TOKEN).processInstanceBusinessKey(tokenId)
                .setVariables(Map.of(SUSPENSION_REASON, reason, REPORTED_BY, by))
                .correlateWithResult());
    }

    /** The holder changed their code after production: it must be re-tested in QA and re-reviewed; the token stays. */
    @Transactional
    public void reportCodeChange(String tokenId, String description, String holder) {
        ledger.record(CaseRef.token(tokenId), LedgerKind.CHANGE_REPORTED, null, holder, null, description);
        asSystem(() -> runtime.createMessageCorrelation(MSG_CODE_CHANGED).processInstanceBusinessKey(tokenId)
                .setVariables(Map.of(CHANGE_DESCRIPTION, description, REPORTED_BY, holder))
                .correlateWithResult());
        auditTrail.record(holder, AuditAction.CODE_CHANGE_REPORTED, null, tokenId, description);
    }

    /**
     * An adopted token never passed the request's gates: its code goes through the review after the fact, on the path
     * of a code change (the holder tests it in QA, an API specialist reviews it). Its first extension waits for that
     * review's approval ({@link org.tokengov.ledger.TokenCase#missingForExtension}).
     */
    @Transactional
    public void reviewAfterAdoption(String tokenId) {
        ledger.record(CaseRef.token(tokenId), LedgerKind.CHANGE_REPORTED, null, AuditTrail.SYSTEM_ACTOR, null, REVIEW_AFTER_ADOPTION);
        asSystem(() -> runtime.createMessageCorrelation(MSG_CODE_CHANGED).processInstanceBusinessKey(tokenId)
                .setVariables(Map.of(CHANGE_DESCRIPTION, REVIEW_AFTER_ADOPTION, REPORTED_BY, AuditTrail.SYSTEM_ACTOR))
                .correlateWithResult());
    }

    /** {@code by}: the authenticated holder or administrator; the report is the ledger's gate for a new value. */
    @Transactional
    public void reportCompromised(String tokenId, String by) {
        ledger.record(CaseRef.token(tokenId), LedgerKind.COMPROMISE_REPORTED, null, by, null, null);
        asSystem(() -> runtime.createMessageCorrelation(MSG_TOKEN_COMPROMISED).processInstanceBusinessKey(tokenId)
                .setVariable(REPORTED_BY, by)
                .correlateWithResult());
    }
}
