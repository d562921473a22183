package org.tokengov.lifecycle;

/** A REDCap administrator's decision on a suspended token ({@code reinstatementDecision}). */
public enum ReinstatementDecision {
    APPROVED,
    REJECTED
}
