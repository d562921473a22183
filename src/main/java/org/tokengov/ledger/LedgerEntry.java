package org.tokengov.ledger;

import java.time.Instant;

/**
 * One gate passed (or refused), as the ledger keeps it: who ({@code actor}, the authenticated user or the system),
 * when, with what outcome, about whom ({@code subject}, e.g. the sponsor named), and the details a reviewer gave.
 * {@code backfilled} entries were reconstructed from the audit trail for cases that predate the ledger.
 */
public record LedgerEntry(long id, CaseRef caseRef, LedgerKind kind, String outcome, String actor, String subject,
        Instant recordedAt, String details, boolean backfilled) {

    public boolean is(LedgerKind kind, String outcome) {
        return this.kind == kind && outcome.equals(this.outcome);
    }
}
