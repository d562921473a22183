package org.tokengov.offboarding;

/** Names of OffboardingProcess and its variables; nothing else reads them raw. */
public final class OffboardingVariables {

    public static final String PROCESS = "OffboardingProcess";

    /** Id of the offboarding_event row; also the business key. */
    public static final String EVENT_ID = "offboardingEventId";
    public static final String USERNAME = "username";
    /** Where the event came from: HR_WEBHOOK, SCIM, IDENTITY_STORE, MANUAL, PI_REPORT. */
    public static final String SOURCE = "offboardingSource";
    /** Start form of an administrator's report: one of {@link OffboardingEvent#TYPES}. */
    public static final String EVENT_TYPE = "offboardingEventType";
    /** Start form: the project left (only for {@link OffboardingEvent#LEFT_PROJECT}). */
    public static final String PROJECT_ID = "offboardingProjectId";
    /** Start form: why. */
    public static final String REASON = "offboardingReason";
    /** The administrator who started it by hand. */
    public static final String REPORTED_BY = "reportedBy";
    /** When the event takes effect (a Date, for the timer). */
    public static final String EFFECTIVE_AT = "effectiveAt";
    public static final String EFFECTIVE_NOW = "effectiveNow";
    /** What the event asks for once due: one of {@link EventAction}. */
    public static final String EVENT_ACTION = "eventAction";
    /** The multi-instance element of earlier releases' diagram (a job per token): one token to revoke. */
    public static final String TOKEN_ID = "tokenId";
    public static final String TOKEN_COUNT = "tokenCount";

    /** Message: the termination wave a held departure belongs to was decided (the decision is in the database). */
    public static final String WAVE_DECIDED = "Msg_TerminationWaveDecided";

    /** What a due event does. */
    public enum EventAction { REVOKE, IGNORE, RECORD_REHIRE }

    private OffboardingVariables() {
    }
}
