package org.tokengov.sponsorship;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.lifecycle.TokenHolds;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;

/**
 * The tokens of an external user whose sponsor left: held ({@link TokenHolds}: the value deleted in the database mode,
 * the API rights off in the API mode), released once a new sponsor is recorded (a new value, or the PI's rights back),
 * or revoked when nobody names one in time. Each step is safe to repeat, because a failed job is retried.
 */
@Service
class SponsoredTokens {


    private final TokenRegistry registry;
    private final TokenHolds holds;
    private final TokenLifecycles lifecycles;
    private final ProjectPis projectPis;
    private final AuditTrail auditTrail;
    private final Notifier notifier;
    private final SponsorshipProperties properties;
    private final Clock clock;

    SponsoredTokens(TokenRegistry registry, TokenHolds holds, TokenLifecycles lifecycles, ProjectPis projectPis,
            AuditTrail auditTrail, Notifier notifier, SponsorshipProperties properties, Clock clock) {
        this.registry = registry;
        this.holds = holds;
        this.lifecycles = lifecycles;
        this.projectPis = projectPis;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Holds every active token of the external and finds who may name a new sponsor. A token already suspended for
     * another reason stays as it is: its own process decides when it comes back.
     */
    HeldTokens hold(String external, String departedSponsor) {
        List<IssuedToken> live = liveTokensOf(external);
        List<String> pis = live.stream()
                .flatMap(token -> projectPis.of(token.environment(), token.projectId()).stream())
                .filter(pi -> !pi.equalsIgnoreCase(departedSponsor) && !pi.equalsIgnoreCase(external))
                .distinct()
                .toList();
        List<IssuedToken> toHold = live.stream().filter(token -> token.state() != TokenState.SUSPENDED).toList();
        for (IssuedToken token : toHold) {
            holds.place(token, "their sponsor " + departedSponsor + " left");
            registry.markSuspended(token.id());
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.SPONSOR_LEFT_HOLD, token.requestId(), token.id(),
                    describe(token) + " of " + external + " on hold: their sponsor " + departedSponsor + " left");
        }
        List<String> projects = live.stream().map(token -> token.environment() + " " + token.projectId()).distinct()
                .sorted().toList();
        String due = clock.instant().plus(properties.replacementDeadline()).atZone(ZoneOffset.UTC).toLocalDate().toString();
        notifier.send(Notification.toUser(external, MailKind.SPONSOR_LEFT_HOLD,
                Map.of("departedSponsor", departedSponsor, "projects", projects, "due", due)));
        notifier.send(new Notification(pis, List.of(ContractGroups.ADMINS), MailKind.SPONSOR_REPLACEMENT_NEEDED,
                Map.of("external", external, "departedSponsor", departedSponsor, "projects", projects, "due", due)));
        return new HeldTokens(toHold.stream().map(IssuedToken::id).toList(), String.join(", ", projects), pis);
    }

    /**
     * The held tokens work again, with the same value; tokens revoked or expired meanwhile stay so, and only the
     * external's own tokens are ever released here.
     */
    void release(String external, List<String> heldTokenIds, String newSponsor) {
        int released = 0;
        boolean newValues = false;
        for (String tokenId : heldTokenIds) {
            IssuedToken token = registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
            if (token.state() != TokenState.SUSPENDED || !token.holder().equals(external)) {
                continue;
            }
            newValues |= holds.release(token, AuditTrail.SYSTEM_ACTOR) == TokenHolds.Release.NEW_VALUE;
            registry.markReinstated(tokenId);
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.SPONSOR_REPLACED, token.requestId(), tokenId,
                    describe(token) + " of " + external + " released: new sponsor " + newSponsor);
            released++;
        }
        if (released > 0) {
            notifier.send(Notification.toUser(external, MailKind.SPONSORED_TOKENS_RELEASED,
                    Map.of("newSponsor", newSponsor, "newValues", newValues)));
        }
    }

    /** Nobody named a new sponsor in time: every live token of the external is revoked through its lifecycle. */
    void revoke(String external) {
        List<IssuedToken> live = liveTokensOf(external);
        live.forEach(token -> lifecycles.revoke(token.id(), RevocationReason.SPONSOR_LEFT, AuditTrail.SYSTEM_ACTOR));
        if (!live.isEmpty()) {
            notifier.send(Notification.toUser(external, MailKind.SPONSORED_TOKENS_REVOKED,
                    Map.of("count", live.size())));
        }
    }

    private List<IssuedToken> liveTokensOf(String external) {
        return registry.ofHolder(external).stream().filter(token -> token.state().isLive()).toList();
    }

    private static String describe(IssuedToken token) {
        return token.environment() + " API token on REDCap project " + token.projectId();
    }
}
