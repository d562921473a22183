package org.tokengov.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.TokenCase;
import org.tokengov.lifecycle.TokenHolds;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapRoleMemberException;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Acts on what the manual (API) mode found ({@link ManualModeComparison}), after reading the registry and REDCap's
 * rights again: what changed meanwhile is no finding. Where the API cannot act (a role member) the administrators are
 * told; where it cannot see (a regenerated value) the finding is flagged, never guessed.
 */
@Component
class ManualModeActions {

    private static final TokenRights NO_RIGHTS = new TokenRights(false, false, false);

    private final TokenRegistry registry;
    private final RedcapApi redcap;
    private final FoundTokens foundTokens;
    private final HolderStanding standing;
    private final FindingActions findingActions;
    private final FindingNotices notices;
    private final TokenHolds holds;
    private final AuditTrail auditTrail;
    private final ReconciliationProperties properties;
    private final ServiceAccountCutover cutover;
    private final Clock clock;

    ManualModeActions(TokenRegistry registry, RedcapApi redcap, FoundTokens foundTokens, HolderStanding standing,
            FindingActions findingActions, FindingNotices notices, TokenHolds holds, AuditTrail auditTrail,
            ReconciliationProperties properties, ServiceAccountCutover cutover, Clock clock) {
        this.registry = registry;
        this.redcap = redcap;
        this.foundTokens = foundTokens;
        this.standing = standing;
        this.findingActions = findingActions;
        this.notices = notices;
        this.holds = holds;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.cutover = cutover;
        this.clock = clock;
    }

    /** Acts (or, for a dry run, says what would happen); empty if fresh reads show it is no longer a finding. */
    Optional<ReconciliationReport.Item> act(ManualModeFinding finding, boolean dryRun) {
        if (!dryRun && !stillSo(finding)) {
            return Optional.empty();
        }
        String action = switch (finding.kind()) {
            case UNKNOWN -> found(finding, TokenCase.UNKNOWN, dryRun);
            case EXISTING -> found(finding, TokenCase.EXISTING, dryRun);
            case CHANGED -> dryRun ? "flagged; holder and administrators told" : changed(finding);
            case MISSING -> dryRun ? "recorded as deleted in REDCap, its lifecycle ended; holder and administrators told"
                    : findingActions.deletedInRedcap(finding.registered());
            case HOLD_UNDONE -> dryRun ? "API rights switched off again; PIs and administrators told" : holdUndone(finding);
            case REVIVED -> dryRun ? "API rights switched off again; PIs and administrators told" : revived(finding);
            case UNATTRIBUTED -> dryRun ? "administrators told" : unattributed(finding);
        };
        return Optional.of(new ReconciliationReport.Item(finding.kind().name(), finding.environment().name(),
                finding.projectId(), finding.holder() == null ? "" : finding.holder(), action));
    }

    /** The registered token is still as compared, and REDCap's rights still on where the finding is about them. */
    private boolean stillSo(ManualModeFinding finding) {
        IssuedToken compared = finding.registered();
        if (compared != null) {
            Optional<IssuedToken> now = registry.find(compared.id());
            if (now.isEmpty() || now.get().state() != compared.state()) {
                return false;
            }
        } else if (finding.kind() == ManualModeFinding.Kind.UNKNOWN || finding.kind() == ManualModeFinding.Kind.EXISTING) {
            if (registry.ofUserOn(finding.environment(), finding.projectId(), finding.holder()).stream()
                    .anyMatch(token -> token.state().inRedcap())) {
                return false;
            }
        }
        if (finding.kind() == ManualModeFinding.Kind.HOLD_UNDONE || finding.kind() == ManualModeFinding.Kind.REVIVED) {
            return redcap.findProjectUser(finding.environment(), finding.projectId(), finding.holder())
                    .filter(user -> !user.inRole() && user.apiRights().any()).isPresent();
        }
        return true;
    }

    private String found(ManualModeFinding finding, String outcome, boolean dryRun) {
        HolderStanding.Standing holder = standing.of(finding.holder(), finding.projectId(),
                TokenCase.EXISTING.equals(outcome));
        if (!dryRun) {
            TokenRights rights = finding.user() == null ? NO_RIGHTS : finding.user().apiRights();
            foundTokens.recordWithoutValue(finding.environment(), finding.projectId(), finding.holder(), rights, outcome,
                    Optional.ofNullable(finding.event().actor()));
        }
        return FindingActions.plan(holder, LocalDate.now(clock).plusDays(properties.adoptionGrace().toDays()),
                cutover.day(LocalDate.now(clock)));
    }

    private String changed(ManualModeFinding finding) {
        IssuedToken token = finding.registered();
        String by = finding.event().actor();
        String action = "flagged: in the manual mode the new value cannot be read; if the holder did not change it,"
                + " report it compromised";
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_CHANGED_IN_REDCAP, token.requestId(), token.id(),
                finding.describe() + ": " + words(finding) + " by " + by + " at " + finding.event().at() + "; " + action);
        String what = words(finding) + " in REDCap outside this system";
        notices.tellHolder(token.holder(), token.environment(), token.projectId(), what, action);
        notices.tellAdministrators(token.holder(), token.environment(), token.projectId(), what, action, by, false);
        return action;
    }

    private String holdUndone(ManualModeFinding finding) {
        IssuedToken token = finding.registered();
        holds.place(token, "the hold was undone in REDCap");
        String action = "its API rights were switched off again until the hold ends";
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.HOLD_RESTORED, token.requestId(), token.id(),
                finding.describe() + ": held here, yet its API rights were on in REDCap; " + action);
        notices.tellAdministrators(token.holder(), token.environment(), token.projectId(),
                "it is held (suspended), yet its API rights were switched on in REDCap", action, "not known", true);
        return action;
    }

    private String revived(ManualModeFinding finding) {
        IssuedToken token = finding.registered();
        String action;
        try {
            redcap.setApiRights(token.environment(), token.projectId(), token.holder(), NO_RIGHTS);
            action = "its API rights were switched off again; it stays pending until REDCap's log shows it deleted";
        } catch (RedcapRoleMemberException roleMember) {
            action = "its holder is now in a user role, whose rights the API cannot change: delete the token in the"
                    + " Control Center";
        }
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_REVOKED_AGAIN, token.requestId(), token.id(),
                finding.describe() + ": revoked here (" + token.revocationReason() + "), not yet deleted in REDCap, and"
                        + " its API rights were switched on again; " + action);
        notices.tellAdministrators(token.holder(), token.environment(), token.projectId(),
                "it was revoked here, yet its API rights were switched on again in REDCap", action, "not known", true);
        return action;
    }

    private String unattributed(ManualModeFinding finding) {
        String by = finding.event().actor();
        String what = "REDCap's log shows a token " + finding.event().kind().name().toLowerCase() + " by " + by + " at "
                + finding.event().at() + ", without naming whose";
        String action = "check the project's API tokens in the Control Center, and register one made outside this"
                + " system with the onboarding CSV import";
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TOKEN_EVENT_UNATTRIBUTED, null, null,
                finding.describe() + ": " + what + "; " + action);
        notices.tellAdministrators("(not named)", finding.environment(), finding.projectId(), what, action, by, false);
        return action;
    }

    private static String words(ManualModeFinding finding) {
        return switch (finding.event().kind()) {
            case REGENERATED -> "its value was regenerated";
            default -> "a new token was made for its holder";
        };
    }
}
