package org.tokengov.offboarding;

/** Names of TerminationWaveProcess (business key = the wave's id) and its variables; nothing else reads them raw. */
public final class TerminationWaveVariables {

    public static final String PROCESS = "TerminationWaveProcess";
    /** Task_ConfirmTerminationWave: one of {@link WaveDecision}. */
    public static final String DECISION = "waveDecision";
    public static final String COMMENTS = "waveComments";
    /** Local variables the decision form shows, from the app's tables. */
    public static final String HELD = "waveHeld";
    public static final String MEMBERS = "waveMembers";
    public static final String OPENED_AT = "waveOpenedAt";

    /** What the administrator decides for the whole wave. */
    public enum WaveDecision { CONFIRM, REJECT }

    private TerminationWaveVariables() {
    }
}
