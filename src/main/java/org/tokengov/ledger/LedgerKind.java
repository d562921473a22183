package org.tokengov.ledger;

/** What a ledger entry records. Names are stored: existing ones never change. */
public enum LedgerKind {
    // A token request (CaseType.REQUEST)
    /** Outcome ELIGIBLE or INELIGIBLE; subject: the sponsor who must confirm, for an external requester. */
    ELIGIBILITY,
    /** The sponsor's answer: CONFIRMED or DECLINED. */
    SPONSORSHIP,
    /**
     * The project PI's consent to the requester's API use: ENABLED_IN_REDCAP (the requested rights were enabled on
     * the User Rights pages, checked by the system), APPROVED or REFUSED by a PI in {@code Task_ApproveAsPi} (actor),
     * NOT_REQUIRED (the institution switched the gate off) or BEFORE_CONSENT_GATE (eligible before the gate existed).
     * Details: the rights consented to, as {@link org.tokengov.redcap.TokenRights#code()}; a refusal's reason.
     */
    PI_CONSENT,
    /** The requester's QA test result: repository, commit, summary. */
    QA_TESTED,
    /** An API specialist's review: APPROVED, CHANGES_REQUESTED or REJECTED. */
    CODE_REVIEW,
    /** A REDCap administrator's release decision: APPROVED or REJECTED. */
    RELEASE_DECISION,
    /** A token was created in REDCap for the request; outcome: the environment (QA, PROD). */
    TOKEN_ISSUED,
    /** An issuance was refused because a gate was missing; outcome: the environment; details: the missing gate. */
    ISSUANCE_REFUSED,

    // An issued token's later cases (CaseType.TOKEN)
    /** The token was suspended (API rights off until reinstated). */
    SUSPENDED,
    /** The holder's fix, re-tested in QA. */
    FIX_TESTED,
    /** An API specialist's review of the fix: APPROVED or CHANGES_REQUESTED. */
    FIX_REVIEW,
    /** A REDCap administrator's reinstatement decision: APPROVED or REJECTED. */
    REINSTATEMENT_DECISION,
    /** The token was reinstated in REDCap. */
    REINSTATED,
    /** The holder or an administrator reported the token compromised. */
    COMPROMISE_REPORTED,
    /** A REDCap administrator confirmed regenerating the token by hand in the Control Center. */
    REGENERATED_BY_HAND,
    /** The token got a new value (database mode), or its rights back after a regeneration by hand. */
    REGENERATED,
    /** The holder reported a change of their code after production. */
    CHANGE_REPORTED,
    /** The holder's code change, re-tested in QA. */
    CHANGE_TESTED,
    /** An API specialist's review of the change: APPROVED, CHANGES_REQUESTED or REJECTED. */
    CHANGE_REVIEW,
    /** A REDCap administrator's decision on a rejected change: SUSPEND or KEEP. */
    CHANGE_DECISION,
    /**
     * A hold (suspension, sponsor hold) took the token out of use; outcome how: VALUE_REMOVED (database mode: the
     * value deleted, the PI's rights untouched), RIGHTS_OFF (API mode: details hold the PI's rights to restore
     * exactly), or ROLE_MEMBER (API mode, a user in a REDCap role: nothing the API can change).
     */
    HOLD_PLACED,
    /** The hold ended: NEW_VALUE (the holder reads it on REDCap's API page), RIGHTS_RESTORED, or NOTHING_TO_RESTORE. */
    HOLD_RELEASED,
    /** A renewal answered by the holder: RENEWED or NOT_NEEDED. */
    RENEWAL,
    /**
     * Reconciliation found the token in REDCap without this system having issued it; outcome: UNKNOWN (made behind
     * the system's back) or EXISTING (there before the project was first reconciled); subject: the REDCap user who
     * made it, by REDCap's log (null if the log does not say).
     */
    FOUND,
    /** A REDCap administrator's decision on a found token: ADOPT or REVOKE. */
    FOUND_TOKEN_DECISION,
    /**
     * A found token was taken in (by an administrator's decision, or as an existing token at onboarding). It never
     * passed the request's gates: it needs a review after the fact before its first extension.
     */
    ADOPTED,

    // A sponsor replacement (CaseType.SPONSOR_REPLACEMENT)
    /** A PI or administrator named the new sponsor (subject). */
    NEW_SPONSOR_NAMED,
    /** The held tokens were released to work again. */
    SPONSORED_TOKENS_RELEASED
}
