package org.tokengov.lifecycle;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.controlcenter.ControlCenterWorklist;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.TokenCase;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapRoleMemberException;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.redcap.TokenAdministrationMode;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;

/**
 * Holds (a suspension, a sponsor hold) take a token out of use without touching the PI's consent: REDCap's API rights
 * are the PI's. In the database mode a hold deletes the value and its release issues a new one, which the holder reads
 * on REDCap's API page; the rights stay as the PI set them. In the API mode, where rights are the only lever, a hold
 * records the PI's setting in the ledger first and its release restores exactly that. A user in a REDCap role cannot
 * be changed through the API at all: the hold is recorded as ours, a line of the Control Center worklist tells the
 * administrators what to do in REDCap, and nothing is retried in vain. Safe to repeat: a retried hold finds what it
 * recorded before.
 */
@Service
public class TokenHolds {

    static final String VALUE_REMOVED = "VALUE_REMOVED";
    static final String RIGHTS_OFF = "RIGHTS_OFF";
    static final String ROLE_MEMBER = "ROLE_MEMBER";
    static final String NEW_VALUE = "NEW_VALUE";
    static final String RIGHTS_RESTORED = "RIGHTS_RESTORED";
    static final String NOTHING_TO_RESTORE = "NOTHING_TO_RESTORE";

    /** How a release ended: whether the holder has a new value to read on REDCap's API page. */
    public enum Release {
        NEW_VALUE,
        SAME_VALUE
    }

    private final TokenAdministration administration;
    private final RedcapApi redcap;
    private final RedcapProperties servers;
    private final TokenRegistry registry;
    private final Ledger ledger;
    private final LedgerCases cases;
    private final AuditTrail auditTrail;
    private final ControlCenterWorklist worklist;

    TokenHolds(TokenAdministration administration, RedcapApi redcap, RedcapProperties servers, TokenRegistry registry,
            Ledger ledger, LedgerCases cases, AuditTrail auditTrail, ControlCenterWorklist worklist) {
        this.administration = administration;
        this.redcap = redcap;
        this.servers = servers;
        this.registry = registry;
        this.ledger = ledger;
        this.cases = cases;
        this.auditTrail = auditTrail;
        this.worklist = worklist;
    }

    /** Takes the token out of use in REDCap and records how; {@code why} for the ledger. */
    public void place(IssuedToken token, String why) {
        if (mode(token) == TokenAdministrationMode.DATABASE) {
            administration.delete(token.environment(), token.projectId(), token.holder(), AuditTrail.SYSTEM_ACTOR);
            if (openHold(token).isEmpty()) {
                ledger.record(CaseRef.token(token.id()), LedgerKind.HOLD_PLACED, VALUE_REMOVED, AuditTrail.SYSTEM_ACTOR,
                        token.holder(), why);
            }
            return;
        }
        Optional<LedgerEntry> recorded = openHold(token);
        if (recorded.isEmpty()) {
            // Known before REDCap changes, and kept even if this step rolls back: a retry could not read it back.
            TokenRights pis = redcap.findProjectUser(token.environment(), token.projectId(), token.holder())
                    .map(RedcapProjectUser::apiRights).orElse(TokenRevocation.NO_RIGHTS);
            ledger.recordIndependently(CaseRef.token(token.id()), LedgerKind.HOLD_PLACED, RIGHTS_OFF,
                    AuditTrail.SYSTEM_ACTOR, token.holder(), RightsText.of(pis));
        } else if (ROLE_MEMBER.equals(recorded.get().outcome())) {
            return;
        }
        try {
            redcap.setApiRights(token.environment(), token.projectId(), token.holder(), TokenRevocation.NO_RIGHTS);
        } catch (RedcapRoleMemberException roleMember) {
            ledger.record(CaseRef.token(token.id()), LedgerKind.HOLD_PLACED, ROLE_MEMBER, AuditTrail.SYSTEM_ACTOR,
                    token.holder(), why);
            tellAdministrators(token, "cannot be held through REDCap's API: " + token.holder() + " is in a user role;"
                    + " a line of the Control Center worklist says what to do");
            worklist.askToHold(token);
        }
    }

    /** Puts the token back to use as the hold found it; returns whether its holder has a new value to read. */
    public Release release(IssuedToken token, String by) {
        Optional<LedgerEntry> hold = openHold(token);
        String outcome = hold.map(LedgerEntry::outcome).orElse("");
        Release release;
        switch (outcome) {
            case VALUE_REMOVED -> {
                TokenFingerprint fingerprint = administration.issueValue(token.environment(), token.projectId(),
                        token.holder(), by);
                registry.recordRegenerated(token.id(), fingerprint.sha256Hex());
                release = Release.NEW_VALUE;
            }
            case RIGHTS_OFF -> {
                redcap.setApiRights(token.environment(), token.projectId(), token.holder(),
                        RightsText.parse(hold.get().details()));
                release = Release.SAME_VALUE;
            }
            case ROLE_MEMBER -> {
                tellAdministrators(token, "is no longer held; a line of the Control Center worklist says what to undo");
                worklist.askToRelease(token);
                release = Release.SAME_VALUE;
            }
            default -> {
                // A hold placed by an earlier version, which turned the rights off without recording the PI's.
                redcap.setApiRights(token.environment(), token.projectId(), token.holder(),
                        new TokenRights(token.rightExport(), token.rightImport(), token.rightMobileApp()));
                release = Release.SAME_VALUE;
            }
        }
        ledger.record(CaseRef.token(token.id()), LedgerKind.HOLD_RELEASED, release == Release.NEW_VALUE ? NEW_VALUE
                : ROLE_MEMBER.equals(outcome) ? NOTHING_TO_RESTORE : RIGHTS_RESTORED, by, token.holder(), null);
        return release;
    }

    /** Of these held tokens, those whose value a hold deleted: REDCap holding any value for them is a breach. */
    public Set<String> heldWithoutValue(Collection<IssuedToken> held) {
        return held.stream().filter(token -> openHold(token).filter(hold -> VALUE_REMOVED.equals(hold.outcome()))
                .isPresent()).map(IssuedToken::id).collect(Collectors.toSet());
    }

    /** Whether the token's open hold is REDCap's API rights switched off (the API mode's lever, not a role member). */
    public boolean heldByRightsOff(IssuedToken token) {
        return openHold(token).filter(hold -> RIGHTS_OFF.equals(hold.outcome())).isPresent();
    }

    private Optional<LedgerEntry> openHold(IssuedToken token) {
        return cases.token(token.id()).flatMap(TokenCase::openHold);
    }

    private TokenAdministrationMode mode(IssuedToken token) {
        return servers.server(token.environment()).tokenAdministration();
    }

    /** Recorded; the administrators hear of it through the worklist (one mail per wave, not one per hold). */
    private void tellAdministrators(IssuedToken token, String what) {
        String about = "The " + token.environment() + " API token of " + token.holder() + " on REDCap project "
                + token.projectId();
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.HOLD_NEEDS_REDCAP_ADMINISTRATOR, token.requestId(),
                token.id(), about + " " + what);
    }

    /** The PI's rights as the ledger keeps them: {@code export=1,import=0,mobile_app=0}. */
    static final class RightsText {

        private RightsText() {
        }

        static String of(TokenRights rights) {
            return "export=" + bit(rights.export()) + ",import=" + bit(rights.importData()) + ",mobile_app="
                    + bit(rights.mobileApp());
        }

        static TokenRights parse(String text) {
            Map<String, String> values = java.util.Arrays.stream(String.valueOf(text).split(","))
                    .map(pair -> pair.split("=", 2)).filter(pair -> pair.length == 2)
                    .collect(Collectors.toMap(pair -> pair[0].trim(), pair -> pair[1].trim(), (a, b) -> b));
            return new TokenRights("1".equals(values.get("export")), "1".equals(values.get("import")),
                    "1".equals(values.get("mobile_app")));
        }

        private static String bit(boolean on) {
            return on ? "1" : "0";
        }
    }
}
