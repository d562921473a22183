package org.tokengov.request;

/**
 * Whether a requester may get a token, and if not, a reason they can act on. An eligible external requester
 * names the internal {@code sponsor} who must confirm the sponsorship first.
 */
record EligibilityDecision(boolean eligible, String reason, String sponsor) {

    static EligibilityDecision eligibleRequester() {
        return new EligibilityDecision(true, null, null);
    }

    static EligibilityDecision eligibleWithSponsor(String sponsor) {
        return new EligibilityDecision(true, null, sponsor);
    }

    static EligibilityDecision ineligible(String reason) {
        return new EligibilityDecision(false, reason, null);
    }
}
