package org.tokengov.lifecycle;

/** A REDCap administrator's decision on a rejected code change ({@code changeDecision}). */
public enum ChangeDecision {
    SUSPEND,
    KEEP
}
