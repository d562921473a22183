package org.tokengov.issuance;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;

/**
 * Every path that creates or restores a token (first issuance, regeneration, reinstatement, a sponsor's release)
 * refuses the same way when a gate is missing: nothing is changed in REDCap, the refusal goes on the ledger and the
 * audit trail ({@code ISSUANCE_REFUSED} with the missing gate), and the REDCap administrators are told. The diagram
 * then takes its modelled error {@value #ERROR_CODE}.
 */
@Service
public class IssuanceRefusals {

    public static final String ERROR_CODE = "ISSUANCE_REFUSED";

    private static final Logger log = LoggerFactory.getLogger(IssuanceRefusals.class);

    private final Ledger ledger;
    private final AuditTrail auditTrail;
    private final Notifier notifier;

    IssuanceRefusals(Ledger ledger, AuditTrail auditTrail, Notifier notifier) {
        this.ledger = ledger;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
    }

    /**
     * @param caseRef the ledger case the refusal belongs to (null if there is none to name)
     * @param what what was to be done, e.g. "a PROD token on REDCap project 101"
     */
    public void refuse(CaseRef caseRef, String requestId, String tokenId, String what, String holder, String gate) {
        if (caseRef != null) {
            ledger.record(caseRef, LedgerKind.ISSUANCE_REFUSED, null, AuditTrail.SYSTEM_ACTOR, holder, what + ": " + gate);
        }
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.ISSUANCE_REFUSED, requestId, tokenId, what + ": " + gate);
        log.warn("Refused {} for {}: {}", what, holder, gate);
        notifier.send(Notification.toGroup(ContractGroups.ADMINS, MailKind.ISSUANCE_REFUSED_TO_ADMINS, Map.of(
                "what", what, "holder", holder == null ? "nobody known" : holder, "gate", gate,
                "reference", caseRef == null ? "no case" : caseRef.type().name().toLowerCase() + " " + caseRef.id())));
    }
}
