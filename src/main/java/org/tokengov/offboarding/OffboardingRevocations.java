package org.tokengov.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.controlcenter.TokenRevocationConfirmed;
import org.tokengov.issuance.TokenEntitlements;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.lifecycle.TokenRevocation;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Revokes the tokens of an offboarding in REDCap, one call per token, records when each was confirmed, and tidies up
 * after them (lifecycles, entitlements). Every step is safe to repeat, because jobs are retried when REDCap is down.
 */
@Service
class OffboardingRevocations {

    private final TokenRevocation revocation;
    private final TokenRegistry registry;
    private final TokenLifecycles lifecycles;
    private final TokenEntitlements entitlements;
    private final OffboardingEvents events;
    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    OffboardingRevocations(TokenRevocation revocation, TokenRegistry registry, TokenLifecycles lifecycles,
            TokenEntitlements entitlements, OffboardingEvents events, JdbcClient jdbc, AuditTrail auditTrail, Clock clock,
            ApplicationEventPublisher publisher) {
        this.revocation = revocation;
        this.registry = registry;
        this.lifecycles = lifecycles;
        this.entitlements = entitlements;
        this.events = events;
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Runs in the job's transaction. Not {@code @Transactional} of its own: a spent rate budget passes through here to
     * become the diagram's error, and a transactional boundary would mark the job's transaction rollback-only.
     */
    void revoke(OffboardingEvent event, String tokenId) {
        revocation.revoke(tokenId, reasonOf(event));
        IssuedToken token = registry.find(tokenId).orElseThrow();
        if (token.state().inRedcap()) {
            return; // pending in REDCap's Control Center: confirmed later (revocationConfirmed)
        }
        // A token already dead before this event arrived counts as confirmed now, never as before the event.
        Instant revokedAt = token.revokedAt() == null || token.revokedAt().isBefore(event.receivedAt())
                ? clock.instant() : token.revokedAt();
        jdbc.sql("update offboarding_revocation set revoked_at = ? where event_id = ? and token_id = ? and revoked_at is null")
                .params(Timestamp.from(revokedAt), event.id(), tokenId)
                .update();
    }

    /**
     * After the revocations, not within them (they are what the person waits for): each token's lifecycle ends
     * through its revocation path, which finds the token already revoked.
     */
    void endLifecycles(OffboardingEvent event) {
        jdbc.sql("select token_id from offboarding_revocation where event_id = ?").param(event.id())
                .query(String.class).list()
                .forEach(tokenId -> lifecycles.closeRevoked(tokenId, reasonOf(event)));
    }

    private static RevocationReason reasonOf(OffboardingEvent event) {
        return OffboardingEvent.LEFT_PROJECT.equals(event.type()) ? RevocationReason.LEFT_PROJECT : RevocationReason.OFFBOARDING;
    }

    /**
     * REDCap confirmed a pending deletion: the token's revocation is confirmed now, and each offboarding that waited
     * only for it is complete.
     */
    @EventListener
    void revocationConfirmed(TokenRevocationConfirmed confirmed) {
        List<String> waiting = jdbc.sql("""
                select e.id from offboarding_event e join offboarding_revocation r on r.event_id = e.id
                where r.token_id = ? and r.revoked_at is null and e.outcome = ?""")
                .params(confirmed.tokenId(), OffboardingOutcome.AWAITING_REDCAP.name()).query(String.class).list();
        jdbc.sql("update offboarding_revocation set revoked_at = ? where token_id = ? and revoked_at is null")
                .params(Timestamp.from(confirmed.confirmedAt()), confirmed.tokenId()).update();
        for (String eventId : waiting) {
            if (pending(eventId) == 0) {
                complete(events.find(eventId).orElseThrow());
            }
        }
    }

    private int pending(String eventId) {
        return jdbc.sql("select count(*) from offboarding_revocation where event_id = ? and revoked_at is null")
                .param(eventId).query(Integer.class).single();
    }

    /**
     * All tokens are revoked: records the time from receipt to the last confirmed revocation, and tells whoever listens.
     * While REDCap has not confirmed a deletion asked of its administrators, the offboarding awaits it instead.
     */
    @Transactional
    Duration complete(OffboardingEvent event) {
        int pending = pending(event.id());
        if (pending > 0) {
            String details = pending + " token(s) of " + event.username() + " await their deletion in REDCap's Control"
                    + " Center (the manual mode): complete when REDCap's log confirms the last";
            events.close(event.id(), OffboardingOutcome.AWAITING_REDCAP, details);
            auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.OFFBOARDING_AWAITING_REDCAP, null, null,
                    "offboarding event " + event.id() + ": " + details);
            return Duration.between(event.receivedAt(), clock.instant());
        }
        Optional<Instant> last = jdbc.sql("select max(revoked_at) from offboarding_revocation where event_id = ?")
                .param(event.id()).query(Timestamp.class).optional().map(Timestamp::toInstant);
        int revoked = jdbc.sql("select count(*) from offboarding_revocation where event_id = ?")
                .param(event.id()).query(Integer.class).single();
        Duration elapsed = Duration.between(event.receivedAt(), last.orElse(event.receivedAt()));
        String details = revoked == 0 ? event.username() + " held no live token in scope: nothing to revoke"
                : revoked + " token(s) of " + event.username() + " revoked; the last "
                        + String.format("%.3f", elapsed.toMillis() / 1000.0) + " s after the event was received";
        events.close(event.id(), OffboardingOutcome.COMPLETED, details);
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.OFFBOARDING_COMPLETED, null, null,
                "offboarding event " + event.id() + ": " + details);
        publisher.publishEvent(new OffboardingCompleted(event.id(), revoked, elapsed));
        return elapsed;
    }

    /** Entitlement groups follow the registry: the person leaves each group in which no live token is left. */
    void removeEntitlements(OffboardingEvent event) {
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            entitlements.withdrawIfLastToken(event.username(), environment, null);
        }
    }
}
