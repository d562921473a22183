package org.tokengov.request;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.policy.PiConsentProperties;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.TokenRequestRecord;

/**
 * The PI consent gate of a request, as the ledger records it: given in REDCap (the requested rights enabled), not
 * required by the institution, or still missing, in which case the requester is told what their PI has not enabled.
 */
@Service
class PiConsents {

    /** What the first look found: nothing missing (consent recorded), or what the PI has not enabled, in sentences. */
    record Look(List<String> missing) {

        boolean consented() {
            return missing.isEmpty();
        }
    }

    private final PiConsentCheck check;
    private final PiConsentProperties properties;
    private final Ledger ledger;
    private final AuditTrail auditTrail;
    private final Notifier notifier;

    PiConsents(PiConsentCheck check, PiConsentProperties properties, Ledger ledger, AuditTrail auditTrail,
            Notifier notifier) {
        this.check = check;
        this.properties = properties;
        this.ledger = ledger;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
    }

    /** First look, right after eligibility: records the consent if there is one, else asks for it. */
    Look firstLook(TokenRequestRecord request) {
        if (!properties.required()) {
            record(request, "NOT_REQUIRED", AuditAction.PI_CONSENT_NOT_REQUIRED,
                    "the institution does not require the PI's consent (tokengov.policy.pi-consent.required is off)");
            return new Look(List.of());
        }
        List<String> missing = check.missing(request);
        if (missing.isEmpty()) {
            recordInRedcap(request);
            return new Look(missing);
        }
        String sentences = String.join("\n", missing);
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.PI_APPROVAL_REQUESTED, request.id(), null, sentences);
        notifier.send(Notification.toUser(request.requester(), MailKind.REQUEST_WAITING_FOR_PI,
                Map.of("project", request.productionProjectId(), "missing", sentences)).aboutRequest(request.number()));
        return new Look(missing);
    }

    /** Asked again while a PI's approval waits: true (and recorded) once REDCap shows every requested right enabled. */
    boolean givenInRedcapSince(TokenRequestRecord request) {
        if (!check.missing(request).isEmpty()) {
            return false;
        }
        recordInRedcap(request);
        return true;
    }

    private void recordInRedcap(TokenRequestRecord request) {
        TokenRights requested = new TokenRights(request.rightExport(), request.rightImport(), request.rightMobileApp());
        record(request, "ENABLED_IN_REDCAP", AuditAction.PI_CONSENT_FOUND_IN_REDCAP, requested.code());
    }

    private void record(TokenRequestRecord request, String outcome, AuditAction action, String details) {
        ledger.record(CaseRef.request(request.id()), LedgerKind.PI_CONSENT, outcome, AuditTrail.SYSTEM_ACTOR, null, details);
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, action, request.id(), null,
                action == AuditAction.PI_CONSENT_FOUND_IN_REDCAP
                        ? "the requested rights (" + details + ") are enabled in REDCap on both projects" : details);
    }
}
