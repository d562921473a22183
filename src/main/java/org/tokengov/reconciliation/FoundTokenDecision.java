package org.tokengov.reconciliation;

/** A REDCap administrator's answer on a token made outside the system ({@code Task_DecideOnFoundToken}). */
enum FoundTokenDecision {
    /** Take it in: it works on, valid for the grace period, and its code is reviewed after the fact. */
    ADOPT,
    /** Delete it in REDCap. */
    REVOKE
}
