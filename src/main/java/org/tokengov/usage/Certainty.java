package org.tokengov.usage;

/** How sure a finding is. */
public enum Certainty {
    /** Seen in REDCap's log, which cannot tell the misuse from an allowed use (e.g. no filters logged): admins only. */
    SUSPECTED,
    /** What was seen is the misuse the rule names. */
    CONFIRMED
}
