package org.tokengov.audit;

/** What happened. New lifecycle steps add their own values; existing names never change. */
public enum AuditAction {
    REQUEST_SUBMITTED,
    ELIGIBILITY_PASSED,
    ELIGIBILITY_FAILED,
    SPONSORSHIP_DECIDED,
    TOKEN_ISSUED,
    QA_TESTING_SUBMITTED,
    CODE_REVIEWED,
    RELEASE_DECIDED,
    REQUEST_CLOSED,
    REMINDER_SENT,
    FOUR_EYES_VIOLATION_REFUSED,
    ENTITLEMENT_GRANTED,
    ENTITLEMENT_REVOKED,
    OFFBOARDING_TRIGGERED
}
