package org.tokengov.reconciliation;

/** What happens to a found token, by its holder's standing (the gateway of {@code FoundTokenProcess}). */
enum FoundTokenVerdict {
    /** The holder may hold no token (left, barred, or external without a sponsor): revoked at once. */
    REVOKE_NOW,
    /** A service account: revoked at the cutover, after notice to the project's PIs and the administrators. */
    REVOKE_AT_CUTOVER,
    /** An existing token at onboarding, of a holder who may hold one: taken in with a grace expiry. */
    ADOPT,
    /** Made behind the system's back by or for someone who may hold a token: a REDCap administrator decides. */
    DECIDE
}
