package org.tokengov.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.issuance.IssuancesInProgress;
import org.tokengov.issuance.TokenEntitlements;
import org.tokengov.ledger.TokenCase;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.lifecycle.TokenHolds;
import org.tokengov.redcap.RedcapInventory;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.redcap.TokenInRedcap;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * What reconciliation does about each finding, and says it does: each is checked again against fresh reads of REDCap
 * and the registry first (a token issued, regenerated or revoked since the comparison is no finding), then acted on,
 * audited, and told to the people concerned.
 */
@Component
class FindingActions {

    private final RedcapInventory inventory;
    private final TokenRegistry registry;
    private final IssuancesInProgress issuances;
    private final FoundTokens foundTokens;
    private final HolderStanding standing;
    private final TokenAdministration administration;
    private final TokenHolds holds;
    private final TokenLifecycles lifecycles;
    private final TokenEntitlements entitlements;
    private final FindingNotices notices;
    private final AuditTrail auditTrail;
    private final ReconciliationProperties properties;
    private final ServiceAccountCutover cutover;
    private final Clock clock;

    FindingActions(RedcapInventory inventory, TokenRegistry registry, IssuancesInProgress issuances,
            FoundTokens foundTokens, HolderStanding standing, TokenAdministration administration,
            TokenHolds holds, TokenLifecycles lifecycles, TokenEntitlements entitlements, FindingNotices notices,
            AuditTrail auditTrail, ReconciliationProperties properties, ServiceAccountCutover cutover,
            Clock clock) {
        this.inventory = inventory;
        this.registry = registry;
        this.issuances = issuances;
        this.foundTokens = foundTokens;
        this.standing = standing;
        this.administration = administration;
        this.holds = holds;
        this.lifecycles = lifecycles;
        this.entitlements = entitlements;
        this.notices = notices;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.cutover = cutover;
        this.clock = clock;
    }

    /**
     * Acts on the finding (or, for a dry run, only says what would happen); empty if fresh reads show it is no longer
     * a finding.
     */
    Optional<ReconciliationReport.Item> act(Finding compared, boolean dryRun, Set<Long> onboarded) {
        Optional<Finding> confirmed = dryRun ? Optional.of(compared) : confirm(compared, onboarded);
        if (confirmed.isEmpty()) {
            return Optional.empty();
        }
        Finding finding = confirmed.get();
        String action = switch (finding.kind()) {
            case UNKNOWN -> found(finding, TokenCase.UNKNOWN, dryRun);
            case EXISTING -> found(finding, TokenCase.EXISTING, dryRun);
            case CHANGED -> dryRun ? "fingerprint updated; holder and administrators told" : changed(finding);
            case REVIVED -> dryRun ? "deleted in REDCap again; PIs and administrators told" : revived(finding);
            case HOLD_UNDONE -> dryRun ? "taken out of use again; PIs and administrators told" : holdUndone(finding);
            case MISSING -> dryRun ? "recorded as deleted in REDCap, its lifecycle ended; holder and administrators told"
                    : missing(finding);
            case FINGERPRINT_LEARNED -> dryRun ? "fingerprint recorded" : fingerprintLearned(finding);
        };
        return Optional.of(new ReconciliationReport.Item(finding.kind().name(), finding.environment().name(),
                finding.projectId(), finding.holder(), action));
    }

    /** The same comparison for the finding's token alone, on what REDCap and the registry hold now. */
    private Optional<Finding> confirm(Finding compared, Set<Long> onboarded) {
        TokenInRedcap now = inventory.token(compared.environment(), compared.projectId(), compared.holder()).orElse(null);
        List<IssuedToken> registered = registry.ofUserOn(compared.environment(), compared.projectId(), compared.holder());
        boolean issuing = issuances.now().stream().anyMatch(token -> token.environment() == compared.environment()
                && token.projectId() == compared.projectId() && token.holder().equalsIgnoreCase(compared.holder()));
        Set<String> heldWithoutValue = holds.heldWithoutValue(registered.stream()
                .filter(token -> token.state() == TokenState.SUSPENDED).toList());
        return Reconciler.compareKey(now, registered, onboarded.contains(compared.projectId()), issuing, heldWithoutValue)
                .stream()
                .filter(fresh -> fresh.kind() == compared.kind() && sameEntry(fresh.registered(), compared.registered()))
                .findFirst();
    }

    private static boolean sameEntry(IssuedToken fresh, IssuedToken compared) {
        return fresh == null ? compared == null : compared != null && fresh.id().equals(compared.id());
    }

    private String found(Finding finding, String outcome, boolean dryRun) {
        TokenInRedcap token = finding.inRedcap();
        HolderStanding.Standing holder = standing.of(token.username(), token.projectId(), TokenCase.EXISTING.equals(outcome));
        if (!dryRun) {
            foundTokens.record(token, outcome, inventory.tokenCreator(token.environment(), token.projectId(), token.username()));
        }
        return plan(holder, LocalDate.now(clock).plusDays(properties.adoptionGrace().toDays()), cutover.day(LocalDate.now(clock)));
    }

    /** What happens to a found token, in words: for the report, and for a dry run before it happens. */
    static String plan(HolderStanding.Standing holder, LocalDate adoptedUntil, LocalDate cutoverOn) {
        return switch (holder.verdict()) {
            case REVOKE_NOW -> "recorded as found and revoked at once (" + holder.reason() + "): " + holder.why();
            case REVOKE_AT_CUTOVER -> "recorded as found; " + holder.why() + ": revoked on " + cutoverOn
                    + ", the project's PIs and the administrators told now";
            case ADOPT -> "adopted, valid until " + adoptedUntil + "; its holder has its code reviewed after the fact";
            case DECIDE -> "recorded as found; a REDCap administrator decides whether to adopt or revoke it";
        };
    }

    private String changed(Finding finding) {
        IssuedToken token = finding.registered();
        registry.recordRegenerated(token.id(), finding.inRedcap().fingerprint().sha256Hex());
        String changedBy = madeBy(finding);
        String action = "its fingerprint was updated; the old value no longer works";
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_CHANGED_IN_REDCAP, token.requestId(), token.id(),
                finding.describe() + ": value changed in REDCap by " + changedBy + "; " + action);
        String what = "its value was changed in REDCap outside this system";
        tellHolder(finding, what, action);
        tell(finding, what, action, changedBy, false);
        return action;
    }

    private String revived(Finding finding) {
        IssuedToken token = finding.registered();
        String changedBy = madeBy(finding);
        if (finding.superToken()) {
            administration.deleteSuperToken(finding.environment(), finding.holder(), AuditTrail.SYSTEM_ACTOR);
        } else {
            administration.delete(finding.environment(), finding.projectId(), finding.holder(), AuditTrail.SYSTEM_ACTOR);
        }
        if (token.state().inRedcap()) {
            registry.markRevoked(token.id(), token.revocationReason() == null ? RevocationReason.NOT_ADOPTED.name()
                    : token.revocationReason());
        }
        String action = "the token was deleted in REDCap again";
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_REVOKED_AGAIN, token.requestId(), token.id(),
                finding.describe() + ": " + token.state() + " here since " + token.revokedAt() + ", yet working in REDCap"
                        + " (made by " + changedBy + "); " + action);
        tell(finding, "it was ended here (" + token.state() + "), yet a token worked in REDCap again", action, changedBy,
                true);
        return action;
    }

    private String holdUndone(Finding finding) {
        IssuedToken token = finding.registered();
        holds.place(token, "the hold was undone in REDCap");
        String action = "taken out of use again until the hold ends";
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.HOLD_RESTORED, token.requestId(), token.id(),
                finding.describe() + ": held here, yet it worked in REDCap; " + action);
        tell(finding, "it is held (suspended), yet it worked in REDCap again", action, madeBy(finding), true);
        return action;
    }

    /** A live registered token deleted in REDCap outside this system (read from REDCap's log in the API mode). */
    String deletedInRedcap(IssuedToken token) {
        return missing(new Finding(Finding.Kind.MISSING, null, token));
    }

    private String missing(Finding finding) {
        IssuedToken token = finding.registered();
        registry.markRevoked(token.id(), RevocationReason.DELETED_IN_REDCAP.name());
        entitlements.withdrawIfLastToken(token.holder(), token.environment(), token.requestId());
        lifecycles.closeRevoked(token.id(), RevocationReason.DELETED_IN_REDCAP);
        String action = "recorded as deleted; its lifecycle ended";
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_DELETED_IN_REDCAP, token.requestId(), token.id(),
                finding.describe() + ": gone from REDCap; " + action);
        String what = "it was deleted in REDCap outside this system";
        tellHolder(finding, what, action);
        tell(finding, what, action, "not known", false);
        return action;
    }

    private String fingerprintLearned(Finding finding) {
        IssuedToken token = finding.registered();
        registry.learnFingerprint(token.id(), finding.inRedcap().fingerprint().sha256Hex());
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.FINGERPRINT_LEARNED, token.requestId(), token.id(),
                finding.describe() + ": made by hand, its fingerprint now read from REDCap");
        return "fingerprint recorded";
    }

    private String madeBy(Finding finding) {
        return inventory.tokenCreator(finding.environment(), finding.projectId(), finding.holder())
                .orElse("nobody REDCap's log names");
    }

    private void tellHolder(Finding finding, String what, String action) {
        notices.tellHolder(finding.registered().holder(), finding.environment(), finding.projectId(), what, action);
    }

    private void tell(Finding finding, String what, String action, String changedBy, boolean toPis) {
        notices.tellAdministrators(finding.holder(), finding.environment(), finding.projectId(), what, action, changedBy,
                toPis);
    }
}
