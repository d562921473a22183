package org.tokengov.lifecycle;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.registry.HolderBans;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Suspension for performance impact: the token out of use at once ({@link TokenHolds}: its value deleted in the
 * database mode, its API rights off in the API mode, the PI's consent kept either way), the holder and the project's
 * user-rights holders (the PI or designee) told, and the holder's suspensions counted: the policy's "repeated
 * performance impacts" end in a permanent ban.
 */
@Service
public class Suspensions {

    private final TokenRegistry registry;
    private final TokenHolds holds;
    private final HolderBans bans;
    private final TokenRevocation revocation;
    private final TokenLifecycles lifecycles;
    private final SuspensionProperties properties;
    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Notifier notifier;
    private final TokenProjectAdministrators projectAdministrators;
    private final Ledger ledger;
    private final Clock clock;

    Suspensions(TokenRegistry registry, TokenHolds holds, HolderBans bans, TokenRevocation revocation,
            TokenLifecycles lifecycles, SuspensionProperties properties, JdbcClient jdbc, AuditTrail auditTrail,
            Notifier notifier, TokenProjectAdministrators projectAdministrators, Ledger ledger, Clock clock) {
        this.registry = registry;
        this.holds = holds;
        this.bans = bans;
        this.revocation = revocation;
        this.lifecycles = lifecycles;
        this.properties = properties;
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
        this.projectAdministrators = projectAdministrators;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Suspends the token; returns whether the holder has now reached the ban. */
    @Transactional
    public boolean suspend(String tokenId, String reason, String by) {
        IssuedToken token = token(tokenId);
        holds.place(token, reason);
        registry.markSuspended(tokenId);
        // Reinstatement needs a fix tested, reviewed and approved after this entry.
        ledger.record(CaseRef.token(tokenId), LedgerKind.SUSPENDED, null, by, token.holder(), reason);
        jdbc.sql("insert into token_suspension (token_id, holder, suspended_at, suspended_by, reason) values (?, ?, ?, ?, ?)")
                .params(tokenId, token.holder(), Timestamp.from(clock.instant()), by, reason)
                .update();
        long suspensions = jdbc.sql("select count(*) from token_suspension where holder = ?").param(token.holder())
                .query(Long.class).single();
        auditTrail.record(by, AuditAction.TOKEN_SUSPENDED, token.requestId(), tokenId,
                describe(token) + " suspended (" + suspensions + " suspension(s) of " + token.holder() + "): " + reason);
        boolean banReached = suspensions >= properties.banAfterSuspensions();
        // No fix path follows a ban: its mails must not send the holder to one.
        Map<String, Object> suspension = Map.of("environment", token.environment().name(), "project", token.projectId(),
                "holder", token.holder(), "reason", reason == null ? "" : reason, "suspensions", suspensions,
                "banned", banReached);
        notifier.send(Notification.toUser(token.holder(), MailKind.TOKEN_SUSPENDED, suspension));
        notifier.send(new Notification(projectAdministrators.of(token), List.of(),
                MailKind.TOKEN_SUSPENDED_TO_PROJECT_ADMINS, suspension));
        return banReached;
    }

    @Transactional
    public void reinstate(String tokenId, String by) {
        IssuedToken token = token(tokenId);
        TokenHolds.Release release = holds.release(token, by);
        registry.markReinstated(tokenId);
        ledger.record(CaseRef.token(tokenId), LedgerKind.REINSTATED, null, by, token.holder(), null);
        auditTrail.record(by, AuditAction.TOKEN_REINSTATED, token.requestId(), tokenId, describe(token) + " reinstated");
        notifier.send(Notification.toUser(token.holder(), MailKind.TOKEN_REINSTATED,
                Map.of("environment", token.environment().name(), "project", token.projectId(),
                        "newValue", release == TokenHolds.Release.NEW_VALUE)));
        // Those told of the suspension hear of its end.
        notifier.send(new Notification(projectAdministrators.of(token), List.of(),
                MailKind.TOKEN_REINSTATED_TO_PROJECT_ADMINS, Map.of("environment", token.environment().name(),
                        "project", token.projectId(), "holder", token.holder())));
    }

    /** Repeated suspensions: the holder is barred for good and every token of theirs is revoked. */
    @Transactional
    public void ban(String tokenId) {
        IssuedToken token = token(tokenId);
        bans.ban(token.holder(), "Repeated suspensions for performance impact", clock.instant());
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.HOLDER_BANNED, token.requestId(), tokenId,
                token.holder() + " permanently barred from REDCap API tokens after " + properties.banAfterSuspensions()
                        + " suspensions");
        revocation.revoke(tokenId, RevocationReason.PERMANENT_BAN);
        registry.ofHolder(token.holder()).stream()
                .filter(other -> other.state().isLive() && !other.id().equals(tokenId))
                .forEach(other -> lifecycles.revoke(other.id(), RevocationReason.PERMANENT_BAN, AuditTrail.SYSTEM_ACTOR));
    }


    private IssuedToken token(String tokenId) {
        return registry.find(tokenId).orElseThrow(() -> new IllegalStateException("Unknown token " + tokenId));
    }

    private static String describe(IssuedToken token) {
        return token.environment() + " API token on REDCap project " + token.projectId();
    }
}
