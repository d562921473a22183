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
    COMPROMISED
}
