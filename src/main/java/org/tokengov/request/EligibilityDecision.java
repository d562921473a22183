package org.tokengov.request;

/** Whether a requester may get a token, and if not, a reason they can act on. */
record EligibilityDecision(boolean eligible, String reason) {

    static EligibilityDecision eligibleRequester() {
        return new EligibilityDecision(true, null);
    }

    static EligibilityDecision ineligible(String reason) {
        return new EligibilityDecision(false, reason);
    }
}
