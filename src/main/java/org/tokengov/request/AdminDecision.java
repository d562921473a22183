package org.tokengov.request;

/** A REDCap administrator's release decision ({@code adminDecision}). */
public enum AdminDecision {
    APPROVED,
    REJECTED
}
