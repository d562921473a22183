package org.tokengov.issuance;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.LedgerCases;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.TokenRights;

/**
 * A consent found in REDCap lasts only as long as the PI leaves the rights enabled there: writing a production token
 * writes its rights to the User Rights row, and must not switch back on what the PI switched off since the request
 * began. Asked at the moment of writing (an asynchronous step); a withdrawal is recorded in the ledger, so the gate
 * stays shut. A PI's explicit approval in Tasklist is not second-guessed: those rights were never enabled in REDCap.
 */
@Service
class PiConsentStillInRedcap {

    static final String WITHDRAWN = "WITHDRAWN_IN_REDCAP";

    private final LedgerCases cases;
    private final Ledger ledger;
    private final RedcapApi redcap;

    PiConsentStillInRedcap(LedgerCases cases, Ledger ledger, RedcapApi redcap) {
        this.cases = cases;
        this.ledger = ledger;
        this.redcap = redcap;
    }

    /** Empty if the order may be written; otherwise what the PI has withdrawn, in words (and recorded). */
    Optional<String> withdrawnFrom(IssuanceOrder order) {
        Optional<LedgerEntry> consent = cases.request(order.requestId()).latest(LedgerKind.PI_CONSENT);
        if (order.environment() != RedcapEnvironment.PROD || consent.isEmpty()
                || !"ENABLED_IN_REDCAP".equals(consent.get().outcome())) {
            return Optional.empty();
        }
        TokenRights enabled = redcap.findProjectUser(RedcapEnvironment.PROD, order.projectId(), order.holder())
                .map(RedcapProjectUser::apiRights).orElse(TokenRights.NONE);
        TokenRights withdrawn = order.rights().beyond(enabled);
        if (!withdrawn.any()) {
            return Optional.empty();
        }
        String gate = "the PI of project " + order.projectId() + " no longer enables " + withdrawn.inWords()
                + " for the requester in REDCap";
        ledger.record(CaseRef.request(order.requestId()), LedgerKind.PI_CONSENT, WITHDRAWN, AuditTrail.SYSTEM_ACTOR, null,
                gate);
        return Optional.of(gate);
    }
}
