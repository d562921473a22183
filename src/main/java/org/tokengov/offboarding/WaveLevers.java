package org.tokengov.offboarding;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapRoleMemberException;
import org.tokengov.redcap.TokenAdministrationMode;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenHolders;
import org.tokengov.registry.TokenRegistry;

/**
 * The reversible lever of a held departure. Database mode: REDCap's own account suspension
 * ({@code user_suspended_time}), one write per server, so REDCap refuses every token of the person, role members' and
 * super tokens included, and the values stay; giving back lifts only the suspension this hold set. API (manual) mode:
 * REDCap's API can neither suspend an account nor delete a token; it can turn a user's API rights off on a project
 * (user import), which this hold does after recording the PI's setting, and restores exactly that on a rejection. It
 * cannot change a member of a user role: such a token keeps working until an administrator suspends the account by
 * hand (the line this hold records asks for it). Safe to repeat.
 */
@Service
class WaveLevers {

    static final String PENDING = "PENDING";
    static final String RIGHTS_OFF = "RIGHTS_OFF";
    static final String ROLE_MEMBER = "ROLE_MEMBER";
    static final TokenRights NO_RIGHTS = new TokenRights(false, false, false);

    private record Hold(String tokenId, TokenRights pis, String outcome) {
    }

    private final RedcapAccountSuspensions suspensions;
    private final RedcapApi redcap;
    private final RedcapProperties servers;
    private final TokenRegistry registry;
    private final MassTerminationGuard guard;
    private final OffboardingEvents events;
    private final OffboardingNotices notices;
    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final TransactionTemplate independently;
    private final TokenHolders holders;

    WaveLevers(RedcapAccountSuspensions suspensions, RedcapApi redcap, RedcapProperties servers, TokenRegistry registry,
            MassTerminationGuard guard, OffboardingEvents events, OffboardingNotices notices, JdbcClient jdbc,
            AuditTrail auditTrail, PlatformTransactionManager transactions, TokenHolders holders) {
        this.suspensions = suspensions;
        this.redcap = redcap;
        this.servers = servers;
        this.registry = registry;
        this.guard = guard;
        this.events = events;
        this.notices = notices;
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.independently = new TransactionTemplate(transactions);
        this.independently.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.holders = holders;
    }

    /** {@code Task_RefuseTokensReversibly}: REDCap refuses the person's tokens from now on; what was done, per line. */
    List<String> refuse(OffboardingEvent event) {
        List<String> lines = new ArrayList<>(suspensions.suspend(event));
        List<IssuedToken> viaApi = heldThroughApi(event);
        recordPisRights(event, viaApi);
        for (IssuedToken token : viaApi) {
            lines.add(rightsOff(event, token));
        }
        guard.refused(event.id());
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TERMINATION_HELD_FOR_WAVE, null, null,
                event.username() + " (event " + event.id() + "): REDCap made to refuse the tokens, reversibly: "
                        + String.join("; ", lines));
        return lines;
    }

    /**
     * {@code Task_GiveTokensBack}: the wave was rejected. Lifts the suspensions this hold set, restores the PI's API
     * rights it turned off, records the event as rejected and tells the PIs and administrators. The registry and the
     * lifecycles were never changed by the hold: the tokens are as they were. The person may be issued tokens again.
     */
    void giveBack(OffboardingEvent event) {
        holders.withdrawDeparture(event.username(), event.id());
        List<String> lines = new ArrayList<>(suspensions.liftFor(event));
        for (Hold hold : holds(event)) {
            if (RIGHTS_OFF.equals(hold.outcome()) || PENDING.equals(hold.outcome())) {
                IssuedToken token = registry.find(hold.tokenId()).orElseThrow();
                redcap.setApiRights(token.environment(), token.projectId(), token.holder(), hold.pis());
                lines.add(token.environment() + " project " + token.projectId() + ": API rights restored to the PI's");
            }
        }
        String details = "termination wave rejected by redcap-admins; tokens given back"
                + (lines.isEmpty() ? "" : ": " + String.join("; ", lines));
        events.close(event.id(), OffboardingOutcome.REJECTED, details);
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.TERMINATION_REJECTED, null, null,
                event.username() + " (event " + event.id() + "): " + details);
        notices.rejected(event, lines);
    }

    /** Tokens in scope on servers in the manual mode, still live: the ones only the API rights can hold. */
    private List<IssuedToken> heldThroughApi(OffboardingEvent event) {
        List<IssuedToken> tokens = new ArrayList<>();
        for (String tokenId : jdbc.sql("select token_id from offboarding_revocation where event_id = ? order by token_id")
                .param(event.id()).query(String.class).list()) {
            registry.find(tokenId)
                    .filter(token -> token.state().stillToRevoke())
                    .filter(token -> !token.superToken())
                    .filter(token -> servers.server(token.environment()).tokenAdministration()
                            == TokenAdministrationMode.MANUAL)
                    .ifPresent(tokens::add);
        }
        return tokens;
    }

    /**
     * The PI's setting, known before REDCap changes and kept even if this step rolls back: a retry would read the
     * rights this step turned off.
     */
    private void recordPisRights(OffboardingEvent event, List<IssuedToken> tokens) {
        for (IssuedToken token : tokens) {
            if (holdOf(event, token.id()) != null) {
                continue;
            }
            TokenRights pis = redcap.findProjectUser(token.environment(), token.projectId(), token.holder())
                    .map(RedcapProjectUser::apiRights).orElse(NO_RIGHTS);
            independently.executeWithoutResult(status -> jdbc.sql("""
                    insert into termination_wave_hold (event_id, token_id, api_export, api_import, mobile_app, outcome)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(event.id(), token.id(), pis.export(), pis.importData(), pis.mobileApp(), PENDING).update());
        }
    }

    private String rightsOff(OffboardingEvent event, IssuedToken token) {
        String about = token.environment() + " project " + token.projectId() + ": ";
        if (ROLE_MEMBER.equals(holdOf(event, token.id()))) {
            return about + roleMemberLine(token);
        }
        String outcome;
        String line;
        try {
            redcap.setApiRights(token.environment(), token.projectId(), token.holder(), NO_RIGHTS);
            outcome = RIGHTS_OFF;
            line = about + "API rights off (the PI's setting recorded, restored on a rejection)";
        } catch (RedcapRoleMemberException roleMember) {
            outcome = ROLE_MEMBER;
            line = about + roleMemberLine(token);
        }
        jdbc.sql("update termination_wave_hold set outcome = ? where event_id = ? and token_id = ?")
                .params(outcome, event.id(), token.id()).update();
        return line;
    }

    private static String roleMemberLine(IssuedToken token) {
        return "BY HAND: " + token.holder() + " is in a REDCap user role, whose rights REDCap's API cannot change: the"
                + " token works until an administrator suspends the account in the Control Center";
    }

    private String holdOf(OffboardingEvent event, String tokenId) {
        return jdbc.sql("select outcome from termination_wave_hold where event_id = ? and token_id = ?")
                .params(event.id(), tokenId).query(String.class).optional().orElse(null);
    }

    private List<Hold> holds(OffboardingEvent event) {
        return jdbc.sql("""
                select token_id, api_export, api_import, mobile_app, outcome from termination_wave_hold
                where event_id = ? order by token_id""")
                .param(event.id())
                .query((rs, row) -> new Hold(rs.getString(1),
                        new TokenRights(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)), rs.getString(5)))
                .list();
    }
}
