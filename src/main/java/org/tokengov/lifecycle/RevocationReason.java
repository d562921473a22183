package org.tokengov.lifecycle;

/** Why a token was revoked (the design's contract). */
public enum RevocationReason {
    OFFBOARDING,
    INACTIVITY,
    EXPIRED,
    ATTESTATION_FAILED,
    NO_LONGER_NEEDED,
    LEFT_PROJECT,
    SPONSOR_LEFT,
    MISUSE,
    PERMANENT_BAN,
    COMPROMISED,
    /** Made in REDCap outside this system; a REDCap administrator did not adopt it. */
    NOT_ADOPTED,
    /** Held by a service account, which the policy gives no token (revoked at the configured cutover). */
    SERVICE_ACCOUNT,
    /** Deleted in REDCap outside this system; reconciliation recorded it. */
    DELETED_IN_REDCAP
}
