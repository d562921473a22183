package org.tokengov.request;

/** An API specialist's verdict on the code ({@code codeReviewOutcome}). */
public enum ReviewOutcome {
    APPROVED,
    CHANGES_REQUESTED,
    REJECTED
}
