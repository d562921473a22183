package org.tokengov.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.controlcenter.ControlCenterWorklist;
import org.tokengov.identity.ContractGroups;
import org.tokengov.issuance.TokenEntitlements;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapRoleMemberException;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.redcap.TokenAdministrationMode;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * Ends or renews a token's value in REDCap and records it. Every step is safe to repeat, because a failed job is
 * retried, and a job whose node died is run again: deleting a deleted token and revoking a revoked one change nothing,
 * and the time recorded is REDCap's (its log's deletion), whichever attempt deleted it.
 */
@Service
public class TokenRevocation {

    static final TokenRights NO_RIGHTS = new TokenRights(false, false, false);

    private final TokenRegistry registry;
    private final TokenAdministration administration;
    private final RedcapApi redcap;
    private final RedcapProperties servers;
    private final TokenEntitlements entitlements;
    private final AuditTrail auditTrail;
    private final Notifier notifier;
    private final TokenProjectAdministrators projectAdministrators;
    private final Ledger ledger;
    private final ControlCenterWorklist worklist;

    TokenRevocation(TokenRegistry registry, TokenAdministration administration, RedcapApi redcap, RedcapProperties servers,
            TokenEntitlements entitlements, AuditTrail auditTrail, Notifier notifier,
            TokenProjectAdministrators projectAdministrators, Ledger ledger, ControlCenterWorklist worklist) {
        this.registry = registry;
        this.administration = administration;
        this.redcap = redcap;
        this.servers = servers;
        this.entitlements = entitlements;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
        this.projectAdministrators = projectAdministrators;
        this.ledger = ledger;
        this.worklist = worklist;
    }

    /**
     * Removes the token from REDCap and records it as revoked (or, for {@code EXPIRED}, as expired). In the manual mode
     * only an administrator can delete it, in the Control Center: its rights go off where the API allows, it joins the
     * Control Center worklist and stays {@code REVOCATION_PENDING} until REDCap's log confirms the deletion. A pending
     * revocation asked again changes nothing.
     */
    public void revoke(String tokenId, RevocationReason reason) {
        revoke(tokenId, reason, null);
    }

    /**
     * As {@link #revoke(String, RevocationReason)}, for a token whose value {@link #refuseAtOnce} deleted earlier in
     * this transaction: REDCap is not asked again, and the time recorded is the one REDCap answered then.
     */
    public void revoke(Refused refused, RevocationReason reason) {
        revoke(refused.tokenId(), reason, refused);
    }

    private void revoke(String tokenId, RevocationReason reason, Refused refused) {
        IssuedToken token = registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
        if (!token.state().stillToRevoke()) {
            return;
        }
        String how = "";
        if (token.superToken()) {
            removeSuperToken(token);
            markEnded(token, reason);
        } else if (isManual(token)) {
            how = askControlCenter(token, reason);
        } else {
            // A suspended token's value may have left REDCap with the suspension: its revocation is a later decision,
            // recorded when it is taken, not at that earlier deletion.
            Optional<Instant> deletedAt = (refused != null ? refused.deletedAt() : delete(token))
                    .filter(at -> !at.isBefore(token.issuedAt().truncatedTo(ChronoUnit.SECONDS)))
                    .filter(at -> token.state() != TokenState.SUSPENDED);
            deletedAt.ifPresentOrElse(at -> markEnded(token, reason, at), () -> markEnded(token, reason));
        }
        entitlements.withdrawIfLastToken(token.holder(), token.environment(), token.requestId());
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, reason == RevocationReason.EXPIRED ? AuditAction.TOKEN_EXPIRED
                : AuditAction.TOKEN_REVOKED, token.requestId(), tokenId, describe(token) + ": " + reason + how);
        Map<String, Object> revoked = Map.of("environment", token.environment().name(), "project", token.projectId(),
                "reason", reason.name());
        notifier.send(reason == RevocationReason.EXPIRED
                ? Notification.toUser(token.holder(), MailKind.TOKEN_EXPIRED, about(token))
                : Notification.toUser(token.holder(), MailKind.TOKEN_REVOKED, revoked));
        if (reason == RevocationReason.MISUSE) {
            // The end of a suspension the project's user-rights holders were told of.
            notifier.send(new Notification(projectAdministrators.of(token), List.of(),
                    MailKind.TOKEN_REVOKED_FOR_MISUSE_TO_PROJECT_ADMINS, Map.of("environment", token.environment().name(),
                            "project", token.projectId(), "holder", token.holder())));
        }
    }

    /** A token whose value {@link #refuseAtOnce} deleted, and when by REDCap's log (see TokenAdministration#delete). */
    public record Refused(String tokenId, Optional<Instant> deletedAt) {
    }

    /**
     * Database mode: deletes the token's value in REDCap at once, recording nothing, so that REDCap refuses it before
     * the bookkeeping of {@link #revoke(Refused, RevocationReason)}. For a person whose every token must stop together.
     * Other modes, super tokens and tokens no longer live: nothing (empty), as their revocation itself is what makes
     * REDCap refuse them.
     */
    public Optional<Refused> refuseAtOnce(String tokenId) {
        IssuedToken token = registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
        if (!token.state().stillToRevoke() || token.superToken() || isManual(token)) {
            return Optional.empty();
        }
        return Optional.of(new Refused(tokenId, delete(token)));
    }

    private Optional<Instant> delete(IssuedToken token) {
        return administration.delete(token.environment(), token.projectId(), token.holder(), AuditTrail.SYSTEM_ACTOR);
    }

    private void markEnded(IssuedToken token, RevocationReason reason) {
        if (reason == RevocationReason.EXPIRED) {
            registry.markExpired(token.id());
        } else {
            registry.markRevoked(token.id(), reason.name());
        }
    }

    /**
     * Ended when REDCap deleted it: by this call, or by an earlier attempt of this step that crashed before recording it
     * (REDCap's log names the time), so a retry after a restart records REDCap's time, not the retry's.
     */
    private void markEnded(IssuedToken token, RevocationReason reason, Instant deletedAt) {
        if (reason == RevocationReason.EXPIRED) {
            registry.markExpired(token.id(), deletedAt);
        } else {
            registry.markRevoked(token.id(), reason.name(), deletedAt);
        }
    }

    /** The manual mode: pending until REDCap's log confirms the deletion; returns what was done, for the audit. */
    private String askControlCenter(IssuedToken token, RevocationReason reason) {
        boolean rightsOff = withdrawRightsUnlessRoleMember(token);
        registry.markRevocationPending(token.id(), reason.name());
        worklist.askToDelete(token, reason.name(), rightsOff);
        return (rightsOff ? "; API rights off" : "; API rights NOT off (" + token.holder() + " is in a REDCap user role)")
                + "; deletion asked in the Control Center worklist, pending until REDCap's log confirms it";
    }

    /**
     * Rights off so that REDCap refuses the token (403) until it is deleted; false for a member of a REDCap user role,
     * whose rights the API cannot change (retrying never helps: the worklist says so instead).
     */
    private boolean withdrawRightsUnlessRoleMember(IssuedToken token) {
        try {
            redcap.setApiRights(token.environment(), token.projectId(), token.holder(), NO_RIGHTS);
            return true;
        } catch (RedcapRoleMemberException roleMember) {
            return false;
        }
    }

    /**
     * A super token has no API rights to withdraw: only its deletion ends it, which needs REDCap's database. Super
     * tokens become known only by reading that database, so a manual-mode environment has none in the registry unless
     * its mode changed since; then the deletion is the administrators' (a visible incident, never a silent success).
     */
    private void removeSuperToken(IssuedToken token) {
        if (isManual(token)) {
            throw new IllegalStateException("The " + describe(token) + " of " + token.holder() + " can only be deleted in"
                    + " REDCap's Control Center: " + token.environment() + " is in the manual mode");
        }
        administration.deleteSuperToken(token.environment(), token.holder(), AuditTrail.SYSTEM_ACTOR);
    }

    /** Database mode: a new value in REDCap at once; the old one is dead. Returns the new fingerprint. */
    public TokenFingerprint regenerate(String tokenId, String reportedBy) {
        IssuedToken token = registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
        TokenFingerprint fingerprint = administration.regenerate(token.environment(), token.projectId(), token.holder(),
                AuditTrail.SYSTEM_ACTOR);
        registry.recordRegenerated(tokenId, fingerprint.sha256Hex());
        regenerated(token, reportedBy, "fingerprint " + fingerprint);
        return fingerprint;
    }

    /**
     * Manual mode, while an administrator regenerates the token by hand: the old value must not work meanwhile. A role
     * member's rights cannot be turned off through the API: recorded, not retried; the regeneration ends the value.
     */
    public void withdrawRights(String tokenId) {
        IssuedToken token = registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
        if (!withdrawRightsUnlessRoleMember(token)) {
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.HOLD_NEEDS_REDCAP_ADMINISTRATOR, token.requestId(),
                    tokenId, describe(token) + ": API rights NOT off, " + token.holder() + " is in a REDCap user role;"
                            + " the old value works until it is regenerated in the Control Center");
        }
    }

    /**
     * Manual mode, compromise: the rights go while an administrator regenerates the token by hand, and the holder,
     * whose calls now fail, is told why (the report may have come from someone else).
     */
    public void withdrawUntilRegenerated(String tokenId, String reportedBy) {
        withdrawRights(tokenId);
        IssuedToken token = registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
        notifier.send(Notification.toUser(token.holder(), MailKind.TOKEN_COMPROMISED_RIGHTS_OFF,
                Map.of("environment", token.environment().name(), "project", token.projectId(), "reportedBy", reportedBy)));
    }

    /** Manual mode, after the administrator made the new value: the approved rights come back. */
    public void restoreRights(String tokenId, String reportedBy) {
        IssuedToken token = registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
        try {
            redcap.setApiRights(token.environment(), token.projectId(), token.holder(),
                    new TokenRights(token.rightExport(), token.rightImport(), token.rightMobileApp()));
        } catch (RedcapRoleMemberException roleMember) {
            // A role member's rights are the role's: nothing was turned off, nothing to restore.
        }
        regenerated(token, reportedBy, "regenerated by hand in the Control Center");
    }

    private void regenerated(IssuedToken token, String reportedBy, String how) {
        // A later regeneration needs a new report.
        ledger.record(CaseRef.token(token.id()), LedgerKind.REGENERATED, null, AuditTrail.SYSTEM_ACTOR, token.holder(), how);
        auditTrail.record(reportedBy, AuditAction.TOKEN_REGENERATED, token.requestId(), token.id(),
                describe(token) + " reported compromised; " + how);
        notifier.send(Notification.toUser(token.holder(), MailKind.TOKEN_REGENERATED, about(token)));
        notifier.send(Notification.toGroup(ContractGroups.ADMINS, MailKind.TOKEN_REGENERATED_TO_ADMINS,
                Map.of("environment", token.environment().name(), "project", token.projectId(),
                        "holder", token.holder(), "reportedBy", reportedBy)));
    }

    private boolean isManual(IssuedToken token) {
        return servers.server(token.environment()).tokenAdministration() == TokenAdministrationMode.MANUAL;
    }

    private static String describe(IssuedToken token) {
        return token.superToken() ? token.environment() + " super API token"
                : token.environment() + " API token on REDCap project " + token.projectId();
    }

    private static Map<String, Object> about(IssuedToken token) {
        return Map.of("environment", token.environment().name(), "project", token.projectId());
    }
}
