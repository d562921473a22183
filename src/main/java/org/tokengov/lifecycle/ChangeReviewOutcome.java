package org.tokengov.lifecycle;

/** An API specialist's verdict on a code change after production ({@code changeReviewOutcome}). */
public enum ChangeReviewOutcome {
    APPROVED,
    CHANGES_REQUESTED,
    REJECTED
}
