package org.tokengov.fairuse;

/** Where a misuse case stands. */
public enum FairUseCaseState {
    /** The holder is asked to confirm a fix by the deadline. */
    OPEN,
    /** REDCap administrators decide: a repeat, a severe finding, or no fix confirmed by the deadline. */
    WITH_ADMINS,
    /** The holder confirmed a fix. */
    FIXED,
    /** An administrator found no misuse to act on. */
    DISMISSED,
    /** An administrator warned the holder. */
    WARNED,
    /** An administrator suspended the token through its lifecycle. */
    SUSPENDED;

    public boolean isOpen() {
        return this == OPEN || this == WITH_ADMINS;
    }
}
