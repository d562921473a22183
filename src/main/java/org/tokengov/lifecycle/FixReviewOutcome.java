package org.tokengov.lifecycle;

/** An API specialist's verdict on a suspended token's fix ({@code fixReviewOutcome}). */
public enum FixReviewOutcome {
    APPROVED,
    CHANGES_REQUESTED
}
