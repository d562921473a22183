package org.tokengov.request;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A named successor's request as the naming recorded it: whose production token it takes over, and the code that was
 * reviewed for it (copied from the predecessor's ledger when the PI named the successor). The successor reports the
 * QA test of exactly this code, and the code review confirms it is the same.
 */
public record Succession(String namingId, String predecessor, String successor, long productionProjectId,
        String predecessorTokenId, String codeRepositoryUrl, String codeCommit, String reviewedBy, Instant reviewedAt,
        String namedBy, Instant leavingAt) {

    /** What the code reviewer is asked to confirm, in one read-only field. */
    public String reviewNote() {
        return "Successor of " + predecessor + " (named by " + namedBy + "; " + predecessor + " leaves on "
                + day(leavingAt) + "): confirm this is the same reviewed code: repository " + codeRepositoryUrl
                + ", commit " + codeCommit + ", reviewed by " + reviewedBy + " on " + day(reviewedAt)
                + ". Approve if it is; reject if it is not (the successor then makes a request of their own).";
    }

    /** What the successor is told on the QA test task. */
    public String qaNote() {
        return "You take over " + predecessor + "'s production token for project " + productionProjectId
                + ". Test in QA the code that was reviewed for it, unchanged: repository " + codeRepositoryUrl
                + ", commit " + codeCommit + ". Another repository or commit is refused; for changed code, make a "
                + "request of your own after this one.";
    }

    private static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
