package org.tokengov.request;

/** What the requester says the token is for (the survey's choices). */
public enum IntendedUse {
    SCHEDULED_EXPORT,
    SCHEDULED_IMPORT,
    PARTICIPANT_SYNC,
    CLINICAL_REALTIME,
    MOBILE_APP,
    OTHER
}
