package org.tokengov.succession;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.IssuedToken;
import org.tokengov.usertask.QaResultForm;
import org.tokengov.usertask.QaResultForm.QaResult;

/**
 * The reviewed code of a token, from the ledger: an approved change of the code after production, if there was one,
 * else the request's approved code review, each with the QA test it approved (the last one before it).
 */
@Component
class ReviewedCodes {

    private static final String APPROVED = "APPROVED";

    private final Ledger ledger;

    ReviewedCodes(Ledger ledger) {
        this.ledger = ledger;
    }

    Optional<ReviewedCode> of(IssuedToken token) {
        Optional<ReviewedCode> change = approved(ledger.entries(CaseRef.token(token.id())), LedgerKind.CHANGE_TESTED,
                LedgerKind.CHANGE_REVIEW);
        if (change.isPresent() || token.requestId() == null) {
            return change;
        }
        return approved(ledger.entries(CaseRef.request(token.requestId())), LedgerKind.QA_TESTED, LedgerKind.CODE_REVIEW);
    }

    private static Optional<ReviewedCode> approved(List<LedgerEntry> entries, LedgerKind tested, LedgerKind review) {
        Optional<LedgerEntry> approval = entries.stream().filter(entry -> entry.is(review, APPROVED))
                .reduce((first, second) -> second);
        if (approval.isEmpty()) {
            return Optional.empty();
        }
        return entries.stream().filter(entry -> entry.kind() == tested && entry.id() < approval.get().id())
                .reduce((first, second) -> second)
                .map(test -> QaResultForm.fromLedger(test.details()))
                .filter(ReviewedCodes::complete)
                .map(result -> new ReviewedCode(result.repository(), result.commit(), approval.get().actor(),
                        approval.get().recordedAt()));
    }

    /** Entries backfilled from the audit trail may hold only a line of text, without repository and commit. */
    private static boolean complete(QaResult result) {
        return result.repository() != null && result.commit() != null;
    }
}
