package org.tokengov.inactivity;

/** Process and variable names of {@code InactivitySweepProcess}; nothing else reads the raw names. */
public final class InactivitySweepVariables {

    public static final String PROCESS = "InactivitySweepProcess";

    /** The last holder whose tokens were checked (holders are swept in name order); absent before the first batch. */
    public static final String SWEEP_CURSOR = "sweepCursor";
    /** Whether holders remain after the last batch. */
    public static final String MORE_TOKENS = "moreTokens";
    /** Running totals of the sweep. */
    public static final String TOKENS_CHECKED = "tokensChecked";
    public static final String WARNINGS_SENT = "warningsSent";
    public static final String REVOCATIONS_REQUESTED = "revocationsRequested";

    private InactivitySweepVariables() {
    }
}
