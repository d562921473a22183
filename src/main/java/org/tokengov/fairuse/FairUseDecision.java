package org.tokengov.fairuse;

/** A REDCap administrator's decision on a misuse case ({@code Task_DecideOnFairUseCase}). */
public enum FairUseDecision {
    /** No misuse to act on: the case closes. */
    DISMISS,
    /** The holder is warned in writing: the case closes, and a new finding within the repeat window is a repeat. */
    WARN,
    /** The token is suspended through its lifecycle (fix, re-test, review, reinstatement; a ban on repeat). */
    SUSPEND
}
