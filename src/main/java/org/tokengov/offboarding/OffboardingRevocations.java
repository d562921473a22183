package org.tokengov.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.tokengov.lifecycle.TokenRevocation.Refused;
import org.tokengov.redcap.RateBudgetExhaustedException;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Revokes the tokens of an offboarding in REDCap, one call per token, records when each was confirmed, and tidies up
 * after them (lifecycles, entitlements). Every step is safe to repeat, because jobs are retried when REDCap is down.
 */
@Service
class OffboardingRevocations {

    private static final Logger log = LoggerFactory.getLogger(OffboardingRevocations.class);

    private final TokenRevocation revocation;
    private final OffboardingScope scope;
    private final TokenRegistry registry;
    private final TokenLifecycles lifecycles;
    private final TokenEntitlements entitlements;
    private final OffboardingEvents events;
    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    OffboardingRevocations(TokenRevocation revocation, OffboardingScope scope, TokenRegistry registry,
            TokenLifecycles lifecycles, TokenEntitlements entitlements, OffboardingEvents events, JdbcClient jdbc,
            AuditTrail auditTrail, Clock clock, ApplicationEventPublisher publisher) {
        this.revocation = revocation;
        this.scope = scope;
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
     * Every token in scope in the job's transaction: first REDCap refuses them all, then each is revoked and recorded
     * in turn. A token REDCap fails to revoke does not keep REDCap from refusing the others: its failure is thrown
     * once they are done, so the job is retried (and its retry finds them revoked, at REDCap's time). A server whose
     * rate budget is spent is skipped for the rest of the pass, which then ends keeping what it did: the diagram waits
     * for a later window.
     */
    void revokeAll(OffboardingEvent event) {
        List<String> tokenIds = scope.tokenIds(event.id());
        // What the leaver's departure waits for comes first: REDCap refusing every token. A token it fails for here
        // fails again in its revocation below, which reports it.
        Map<String, Refused> refused = new HashMap<>();
        for (String tokenId : tokenIds) {
            try {
                revocation.refuseAtOnce(tokenId).ifPresent(done -> refused.put(tokenId, done));
            } catch (RuntimeException again) {
                log.debug("Token {} not refused at once; its revocation tries again: {}", tokenId, again.getMessage());
            }
        }
        RuntimeException failed = null;
        RateBudgetExhaustedException spent = null;
        Set<RedcapEnvironment> spentBudgets = EnumSet.noneOf(RedcapEnvironment.class);
        for (String tokenId : tokenIds) {
            RedcapEnvironment environment = registry.find(tokenId).orElseThrow().environment();
            if (spentBudgets.contains(environment)) {
                continue;
            }
            try {
                revoke(event, tokenId, refused.get(tokenId));
            } catch (RateBudgetExhaustedException e) {
                spentBudgets.add(environment);
                spent = e;
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        // A spent budget first: its wait keeps what this pass did, and the next pass meets any failure again.
        if (spent != null) {
            throw spent;
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * One token, for the step of earlier releases' diagram (a job per token). Runs in the job's transaction. Not
     * {@code @Transactional} of its own: a spent rate budget passes through here to become the diagram's error, and a
     * transactional boundary would mark the job's transaction rollback-only.
     */
    void revoke(OffboardingEvent event, String tokenId) {
        revoke(event, tokenId, null);
    }

    /** One token; {@code refused}: REDCap's answer when the pass deleted its value at once, or null. */
    void revoke(OffboardingEvent event, String tokenId, Refused refused) {
        if (refused == null) {
            revocation.revoke(tokenId, reasonOf(event));
        } else {
            revocation.revoke(refused, reasonOf(event));
        }
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
