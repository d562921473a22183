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
    OFFBOARDING_TRIGGERED,
    LIFECYCLE_STARTED,
    RENEWAL_NOTICE_SENT,
    RENEWAL_DECIDED,
    TOKEN_EXTENDED,
    TOKEN_REVOKED,
    TOKEN_EXPIRED,
    TOKEN_REGENERATED,
    TOKEN_SUSPENDED,
    FIX_SUBMITTED,
    FIX_REVIEWED,
    REINSTATEMENT_DECIDED,
    TOKEN_REINSTATED,
    HOLDER_BANNED,
    CODE_CHANGE_REPORTED,
    CODE_CHANGE_TESTED,
    CODE_CHANGE_REVIEWED,
    CODE_CHANGE_DECIDED,
    POLICY_ATTESTATION_REQUESTED,
    POLICY_ATTESTATION_REMINDED,
    POLICY_ATTESTED,
    POLICY_ATTESTATION_FAILED,
    INACTIVITY_WARNING_SENT,
    INACTIVITY_REVOCATION_REQUESTED,
    INACTIVITY_REVOCATION_FAILED,
    INACTIVITY_SWEEP_COMPLETED,
    OFFBOARDING_WAITING,
    OFFBOARDING_EVENT_IGNORED,
    OFFBOARDING_COMPLETED,
    PERSON_REHIRED,
    SPONSOR_LEFT_HOLD,
    SPONSOR_REPLACED,
    ACCESS_REVIEW_REQUESTED,
    ACCESS_REVIEW_REMINDED,
    ACCESS_REVIEW_ESCALATED,
    ACCESS_REVIEW_DECIDED,
    /** A token was to be created or restored but a gate was missing in the request ledger; nothing changed in REDCap. */
    ISSUANCE_REFUSED,
    /** A REDCap administrator confirmed creating a token by hand in the Control Center (manual mode). */
    TOKEN_CREATED_BY_HAND,
    /** A person left: their open requests were closed and the tasks they held released. */
    LEAVER_CASES_CLOSED,
    /** Reconciliation compared REDCap with the registry; details: what it found, by kind. */
    RECONCILIATION_COMPLETED,
    /** A token in REDCap the registry did not know: recorded as FOUND. */
    TOKEN_FOUND,
    /** A REDCap administrator decided on a found token (adopt or revoke). */
    FOUND_TOKEN_DECIDED,
    /** A found token was taken in, with a grace expiry. */
    TOKEN_ADOPTED,
    /** A registered token's value was changed in REDCap, outside this system. */
    TOKEN_CHANGED_IN_REDCAP,
    /** REDCap's log shows a token made, regenerated or deleted without naming whose (the API mode's log export). */
    TOKEN_EVENT_UNATTRIBUTED,
    /** A token revoked or expired here worked again in REDCap: it was removed again. */
    TOKEN_REVOKED_AGAIN,
    /** A held token's rights were switched on in REDCap, outside this system: the hold was put back. */
    HOLD_RESTORED,
    /** A registered token was gone from REDCap: deleted outside this system. */
    TOKEN_DELETED_IN_REDCAP,
    /** A token made by hand got its fingerprint from REDCap's database. */
    FINGERPRINT_LEARNED,
    /** Existing tokens were imported from the administrators' list (API mode); details: what happened, by kind. */
    ONBOARDING_IMPORTED,
    /** A hold could not be placed or lifted through REDCap's API (a user in a role): the administrators act in REDCap. */
    HOLD_NEEDS_REDCAP_ADMINISTRATOR,
    /** A renewal was confirmed but the token may not be extended yet (an adopted token not reviewed). */
    EXTENSION_REFUSED,
    /** A pending request from REDCap's request button was taken in: a task for the requester in Tasklist. */
    REQUEST_BUTTON_TAKEN,
    /** The requester answered the request button's task: their token request was submitted in their name. */
    REQUEST_BUTTON_ANSWERED,
    /** A request button's row of REDCap's to-do list was completed or archived (or found closed in REDCap already). */
    REDCAP_TODO_CLOSED,
    /** Something only a REDCap administrator can do by hand joined the Control Center worklist (the manual mode). */
    CONTROL_CENTER_WORK_ASKED,
    /** REDCap's log confirmed a token's deletion, or an administrator did and the system checked the log. */
    TOKEN_REVOCATION_CONFIRMED,
    /** An administrator ticked off a line of the worklist that REDCap's log cannot confirm (a hold by hand). */
    CONTROL_CENTER_WORK_DONE,
    /** An administrator completed a wave of the worklist; its open lines move to the next wave. */
    CONTROL_CENTER_WAVE_COMPLETED,
    /** An offboarding's revocations are asked, but REDCap has yet to confirm a deletion done by hand. */
    OFFBOARDING_AWAITING_REDCAP,
    /**
     * A live registered token's value was found in REDCap's log (a failed request logs its POST body): a leak, told
     * to the token's lifecycle as a compromise. Details: where in the log; never the value.
     */
    TOKEN_VALUE_IN_REDCAP_LOG,
    /** Someone uploaded a text or repository to the leak scan. Details: files read, live tokens found; never values. */
    LEAK_SCANNED,
    /** A live token's value was in an upload to the leak scan. Details: the file and line, and what was done. */
    TOKEN_FOUND_IN_UPLOAD,
    /** A fair-use rule found something about a token (or confirmed what it suspected). Details: rule, what was seen. */
    FAIR_USE_FINDING,
    /** A person left a project: their REDCap access to it ends (User Rights expiration), or an administrator sets it. */
    PROJECT_ACCESS_ENDED,
    /** The requested API rights were enabled in REDCap by the project's PI: the consent gate passed. */
    PI_CONSENT_FOUND_IN_REDCAP,
    /** The institution switched the PI consent gate off: recorded so an auditor sees why there is none. */
    PI_CONSENT_NOT_REQUIRED,
    /** The requested API rights were not enabled in REDCap: a PI is asked to approve. */
    PI_APPROVAL_REQUESTED,
    /** A PI approved (with which rights) or refused the requester's API access. */
    PI_CONSENT_DECIDED,
    /** A PI or administrator named who takes over a leaver's production token before the leaving date. */
    SUCCESSOR_NAMED,
    /** The named successor's request took the naming: its QA test must be the predecessor's reviewed code. */
    SUCCESSOR_REQUESTED,
    /** A person left the organisation: their REDCap account is suspended, or an administrator is asked to. */
    REDCAP_ACCOUNT_SUSPENDED,
    /** A rehire: a REDCap account suspension this system set is lifted, or an administrator is asked to. */
    REDCAP_ACCOUNT_UNSUSPENDED,
    /** An access review reduced a holder's API rights in REDCap to those their work uses. */
    API_RIGHTS_REDUCED,
    /** More terminations than the mass-termination threshold within its window: a wave awaits an administrator. */
    TERMINATION_WAVE_OPENED,
    /** A termination joined a wave: REDCap refuses the person's tokens, the irreversible rest waits for the decision. */
    TERMINATION_HELD_FOR_WAVE,
    /** An administrator (or the decision deadline) confirmed a wave: its held departures continue. */
    TERMINATION_WAVE_CONFIRMED,
    /** An administrator rejected a wave: its held departures give the tokens back. */
    TERMINATION_WAVE_REJECTED,
    /** A held departure of a rejected wave: what REDCap was made to refuse is given back. */
    TERMINATION_REJECTED,
    /** A confirmed fair-use finding opened a misuse case: to the holder first, or (severe, a repeat) to the admins. */
    FAIR_USE_CASE_OPENED,
    /** A confirmed fair-use finding joined the case open for its token and rule. */
    FAIR_USE_FINDING_JOINED,
    /** The holder was told what a misuse case's findings showed, with the policy's sentence and the deadline. */
    FAIR_USE_HOLDER_TOLD,
    /** The holder confirmed a fix of what a misuse case showed (details: what they changed). */
    FAIR_USE_FIX_CONFIRMED,
    /** No fix was confirmed by a misuse case's deadline: the administrators decide. */
    FAIR_USE_CASE_TO_ADMINS,
    /** An administrator decided on a misuse case: dismiss, warn or suspend (details: the decision and comments). */
    FAIR_USE_CASE_DECIDED,
    /** A decided warning was sent or suspension asked of the token's lifecycle: the misuse case closed. */
    FAIR_USE_CASE_CLOSED
}
