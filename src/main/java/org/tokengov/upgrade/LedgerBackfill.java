package org.tokengov.upgrade;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.TokenRequestRecord;

/**
 * Rebuilds the ledger of a case that began before the ledger existed, from what the earlier version put on the audit
 * trail (who decided what, and when). Every entry is marked backfilled; an eligible request is marked as predating the
 * PI consent gate. A request whose filed requester is not who
 * started its process (a spoofed {@code requester} variable, possible before the ledger) is marked ineligible.
 */
@Service
class LedgerBackfill {

    private final Ledger ledger;
    private final AuditTrail auditTrail;
    private final Clock clock;

    LedgerBackfill(Ledger ledger, AuditTrail auditTrail, Clock clock) {
        this.ledger = ledger;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Returns how many entries it wrote; none if the case already has a ledger. */
    @Transactional
    int request(TokenRequestRecord request, String startedBy) {
        CaseRef caseRef = CaseRef.request(request.id());
        if (ledger.hasEntries(caseRef)) {
            return 0;
        }
        int written = 0;
        for (AuditEntry entry : auditTrail.ofRequest(request.id())) {
            Optional<Backfilled> gate = requestGate(entry);
            if (gate.isPresent()) {
                write(caseRef, gate.get(), entry);
                written++;
                if (gate.get().kind() == LedgerKind.ELIGIBILITY && "ELIGIBLE".equals(gate.get().outcome())) {
                    // Such a request met no PI consent gate; it goes on as it began, marked so (see V20's migration).
                    ledger.recordBackfilled(caseRef, LedgerKind.PI_CONSENT, "BEFORE_CONSENT_GATE", AuditTrail.SYSTEM_ACTOR,
                            null, "eligible before the PI consent gate existed", entry.occurredAt());
                    written++;
                }
            }
        }
        if (startedBy != null && !startedBy.equals(request.requester())) {
            ledger.recordBackfilled(caseRef, LedgerKind.ELIGIBILITY, "INELIGIBLE", AuditTrail.SYSTEM_ACTOR, null,
                    "filed for " + request.requester() + " but started by " + startedBy, clock.instant());
            written++;
        }
        return written;
    }

    @Transactional
    int token(String tokenId) {
        CaseRef caseRef = CaseRef.token(tokenId);
        if (ledger.hasEntries(caseRef)) {
            return 0;
        }
        int written = 0;
        for (AuditEntry entry : auditTrail.ofToken(tokenId)) {
            Optional<Backfilled> gate = tokenGate(entry);
            if (gate.isPresent()) {
                write(caseRef, gate.get(), entry);
                written++;
            }
        }
        return written;
    }

    /** A gate the earlier version passed but did not audit, known from the waiting instance (e.g. a compromise report). */
    @Transactional
    void add(CaseRef caseRef, LedgerKind kind, String actor, String subject, String details) {
        ledger.recordBackfilled(caseRef, kind, null, actor, subject, details, clock.instant());
    }

    private void write(CaseRef caseRef, Backfilled gate, AuditEntry entry) {
        ledger.recordBackfilled(caseRef, gate.kind(), gate.outcome(), entry.actor(), gate.subject(), entry.details(),
                entry.occurredAt());
    }

    private static Optional<Backfilled> requestGate(AuditEntry entry) {
        String details = entry.details() == null ? "" : entry.details();
        return Optional.ofNullable(switch (entry.action()) {
            case ELIGIBILITY_PASSED -> new Backfilled(LedgerKind.ELIGIBILITY, "ELIGIBLE",
                    details.startsWith("sponsor ") ? details.substring("sponsor ".length()).trim() : null);
            case ELIGIBILITY_FAILED -> new Backfilled(LedgerKind.ELIGIBILITY, "INELIGIBLE", null);
            case SPONSORSHIP_DECIDED -> new Backfilled(LedgerKind.SPONSORSHIP,
                    details.startsWith("confirmed") ? "CONFIRMED" : "DECLINED", null);
            case QA_TESTING_SUBMITTED -> new Backfilled(LedgerKind.QA_TESTED, null, null);
            case CODE_REVIEWED -> new Backfilled(LedgerKind.CODE_REVIEW, firstWord(details), null);
            case RELEASE_DECIDED -> new Backfilled(LedgerKind.RELEASE_DECISION, firstWord(details), null);
            case TOKEN_ISSUED -> new Backfilled(LedgerKind.TOKEN_ISSUED, firstWord(details), null);
            default -> null;
        });
    }

    private static Optional<Backfilled> tokenGate(AuditEntry entry) {
        String details = entry.details() == null ? "" : entry.details();
        return Optional.ofNullable(switch (entry.action()) {
            case TOKEN_SUSPENDED -> new Backfilled(LedgerKind.SUSPENDED, null, null);
            case FIX_SUBMITTED -> new Backfilled(LedgerKind.FIX_TESTED, null, null);
            case FIX_REVIEWED -> new Backfilled(LedgerKind.FIX_REVIEW, firstWord(details), null);
            case REINSTATEMENT_DECIDED -> new Backfilled(LedgerKind.REINSTATEMENT_DECISION, firstWord(details), null);
            case TOKEN_REINSTATED -> new Backfilled(LedgerKind.REINSTATED, null, null);
            case CODE_CHANGE_REPORTED -> new Backfilled(LedgerKind.CHANGE_REPORTED, null, null);
            case CODE_CHANGE_TESTED -> new Backfilled(LedgerKind.CHANGE_TESTED, null, null);
            case CODE_CHANGE_REVIEWED -> new Backfilled(LedgerKind.CHANGE_REVIEW, firstWord(details), null);
            case CODE_CHANGE_DECIDED -> new Backfilled(LedgerKind.CHANGE_DECISION, firstWord(details), null);
            case TOKEN_REGENERATED -> new Backfilled(LedgerKind.REGENERATED, null, null);
            default -> null;
        });
    }

    /** "APPROVED: comments" → "APPROVED"; "PROD token on project 101 …" → "PROD". */
    private static String firstWord(String details) {
        return details.split("[:\\s]", 2)[0];
    }

    private record Backfilled(LedgerKind kind, String outcome, String subject) {
    }
}
