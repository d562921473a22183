package org.tokengov.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.SystemAuthority;
import org.tokengov.issuance.IssuanceRefusals;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.TokenCase;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.lifecycle.TokenRevocation;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenInRedcap;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Tokens reconciliation found in REDCap without this system having issued them: each is recorded (its fingerprint,
 * never its value) as {@code FOUND}, with the ledger entry that says how it was found and who made it, and gets a
 * {@code FoundTokenProcess}; adopting one makes it a live token with its own lifecycle.
 */
@Service
class FoundTokens {

    private final TokenRegistry registry;
    private final Ledger ledger;
    private final LedgerCases cases;
    private final AuditTrail auditTrail;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TokenLifecycles lifecycles;
    private final IssuanceRefusals refusals;
    private final Notifier notifier;
    private final FindingNotices notices;
    private final TokenRevocation revocation;
    private final ReconciliationProperties properties;
    private final Clock clock;

    FoundTokens(TokenRegistry registry, Ledger ledger, LedgerCases cases, AuditTrail auditTrail, RuntimeService runtime,
            IdentityService identity, TokenLifecycles lifecycles, IssuanceRefusals refusals, Notifier notifier,
            FindingNotices notices, TokenRevocation revocation, ReconciliationProperties properties, Clock clock) {
        this.registry = registry;
        this.ledger = ledger;
        this.cases = cases;
        this.auditTrail = auditTrail;
        this.runtime = runtime;
        this.identity = identity;
        this.lifecycles = lifecycles;
        this.refusals = refusals;
        this.notifier = notifier;
        this.notices = notices;
        this.revocation = revocation;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records the token and starts its process. {@code outcome}: {@link TokenCase#UNKNOWN} or
     * {@link TokenCase#EXISTING}; {@code madeBy}: the REDCap user who made it, by REDCap's log.
     */
    @Transactional
    IssuedToken record(TokenInRedcap found, String outcome, Optional<String> madeBy) {
        return record(found.environment(), found.projectId(), found.username(), found.rights(),
                found.fingerprint().sha256Hex(), found.roleName(), outcome, madeBy);
    }

    /**
     * Records an existing token that REDCap's database cannot show (API mode: a CSV line of the administrators'), so
     * without a fingerprint, with the rights REDCap's user export gives its holder.
     */
    @Transactional
    IssuedToken recordExisting(RedcapEnvironment environment, long projectId, String holder, TokenRights rights) {
        return recordWithoutValue(environment, projectId, holder, rights, TokenCase.EXISTING, Optional.empty());
    }

    /**
     * Records a token only REDCap's log shows (API mode: its value cannot be read), with the rights REDCap's user export
     * gives its holder; {@code madeBy}: the REDCap user the log names.
     */
    @Transactional
    IssuedToken recordWithoutValue(RedcapEnvironment environment, long projectId, String holder, TokenRights rights,
            String outcome, Optional<String> madeBy) {
        return record(environment, projectId, holder, rights, null, null, outcome, madeBy);
    }

    private IssuedToken record(RedcapEnvironment environment, long projectId, String holder, TokenRights rights,
            String fingerprint, String roleName, String outcome, Optional<String> madeBy) {
        IssuedToken token = registry.recordFound(environment, projectId, holder, rights, fingerprint, graceEnd());
        String details = describe(token) + (roleName == null ? "" : ", in user role '" + roleName + "'")
                + ", rights " + String.join("/", token.rightNames()) + madeBy.map(user -> ", made by " + user).orElse("")
                + (fingerprint == null ? ", value not read (API mode)" : "");
        ledger.record(CaseRef.token(token.id()), LedgerKind.FOUND, outcome, AuditTrail.SYSTEM_ACTOR, madeBy.orElse(null),
                details);
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_FOUND, null, token.id(),
                (TokenCase.EXISTING.equals(outcome) ? "existing before onboarding: " : "made outside this system: ")
                        + details);
        SystemAuthority.run(identity, () -> runtime.startProcessInstanceByKey(FoundTokenVariables.PROCESS, token.id(),
                Variables.createVariables()
                        .putValue(FoundTokenVariables.HOLDER, token.holder())
                        .putValue(FoundTokenVariables.ENVIRONMENT, token.environment().name())
                        .putValue(FoundTokenVariables.PROJECT_ID, token.projectId())));
        return token;
    }

    /**
     * Takes the found token in, if the ledger allows it: it becomes live until the grace period ends and gets its
     * lifecycle (the next step starts the review after the fact in it, once the lifecycle is committed). Adopted by the deciding administrator, or by the
     * system at onboarding. Not transactional of its own: it runs in its step's job, and a refusal (the modelled
     * error) must not roll that back.
     */
    void adopt(String tokenId) {
        TokenCase found = caseOf(tokenId);
        Optional<String> missing = found.missingForAdoption();
        if (missing.isPresent()) {
            refusals.refuse(CaseRef.token(tokenId), null, tokenId, "adopting the found " + describe(found.token()),
                    found.holder(), missing.get());
            throw new BpmnError(IssuanceRefusals.ERROR_CODE, missing.get());
        }
        String actor = found.foundTokenDecider().orElse(AuditTrail.SYSTEM_ACTOR);
        IssuedToken token = registry.adopt(tokenId, graceEnd());
        String expiresOn = token.expiresAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        ledger.record(CaseRef.token(tokenId), LedgerKind.ADOPTED, null, actor, null, "valid until " + expiresOn);
        auditTrail.record(actor, AuditAction.TOKEN_ADOPTED, null, tokenId, describe(token) + ", valid until " + expiresOn);
        lifecycles.enrol(token);
        notifier.send(Notification.toUser(token.holder(), MailKind.TOKEN_ADOPTED, Map.of("environment",
                token.environment().name(), "project", token.projectId(), "expiresOn", expiresOn)));
    }

    /**
     * Deletes the found token in REDCap and records why; a holder who may hold no token, and a found token nobody
     * adopted, concern the project's PIs and the administrators too.
     */
    void revoke(String tokenId, RevocationReason reason) {
        IssuedToken token = caseOf(tokenId).token();
        boolean wasInRedcap = token.state().inRedcap();
        revocation.revoke(tokenId, reason);
        if (wasInRedcap) {
            notices.tellAdministrators(token.holder(), token.environment(), token.projectId(),
                    "it was made in REDCap outside this system", "it was revoked (" + reason + ")", "see the audit trail",
                    true);
        }
    }

    /** Tells the project's PIs and the administrators when a service account's found token stops working. */
    void noticeCutover(String tokenId, LocalDate cutoverOn) {
        IssuedToken token = caseOf(tokenId).token();
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_FOUND, null, tokenId,
                describe(token) + ": a service account's token, revoked on " + cutoverOn);
        notices.tellCutover(token.holder(), token.environment(), token.projectId(), cutoverOn.toString());
    }

    TokenCase caseOf(String tokenId) {
        return cases.token(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
    }

    private Instant graceEnd() {
        return clock.instant().plus(properties.adoptionGrace());
    }

    static String describe(IssuedToken token) {
        return token.superToken() ? token.environment() + " super API token of " + token.holder()
                : token.environment() + " API token of " + token.holder() + " on REDCap project " + token.projectId();
    }
}
