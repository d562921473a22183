package org.tokengov.leaks;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * Which request a scan may be linked to, for the REST endpoint and the page alike: only an API specialist or a REDCap
 * administrator links a scan to a request's code review, never the request's requester (four eyes: the review gate
 * reads the latest linked scan, so a requester must not be the one to clear it).
 */
@Component
public class CodeUnderReview {

    /** Why a scan cannot be linked to the request asked for; nothing was scanned. */
    public static class Refused extends RuntimeException {

        /** What went wrong, for the status code each caller answers with. */
        public enum Reason {
            /** Not a request number or id at all. */
            MALFORMED,
            /** The person is neither an API specialist nor a REDCap administrator. */
            NOT_A_REVIEWER,
            /** No request with that number or id. */
            UNKNOWN,
            /** The person's own request. */
            OWN_REQUEST
        }

        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static final Pattern REQUEST_REF = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final TokenRequests requests;

    CodeUnderReview(TokenRequests requests) {
        this.requests = requests;
    }

    /**
     * @param reference a request's number ({@code REQ-2026-0042}) or id
     * @param by the authenticated person who scans
     * @param reviewer whether they are an API specialist or a REDCap administrator (from the identity store)
     * @return the request whose code review the scan is for
     * @throws Refused if the reference is malformed or unknown, or the person may not link a scan to it
     */
    public TokenRequestRecord reviewedBy(String reference, String by, boolean reviewer) {
        if (reference == null || !REQUEST_REF.matcher(reference).matches()) {
            throw new Refused(Refused.Reason.MALFORMED, "request must be a request's number (REQ-2026-0042) or id.");
        }
        // Before the look-up: a person who may not link scans learns nothing of which requests exist.
        if (!reviewer) {
            throw new Refused(Refused.Reason.NOT_A_REVIEWER,
                    "Only API specialists and REDCap administrators scan the code under review of a request.");
        }
        TokenRequestRecord record = requests.findByNumber(reference).or(() -> requests.find(reference))
                .orElseThrow(() -> new Refused(Refused.Reason.UNKNOWN, "No request " + reference + "."));
        if (by.equals(record.requester())) {
            throw new Refused(Refused.Reason.OWN_REQUEST,
                    "The code of your own request is scanned by its reviewer; scan it without linking it to the request.");
        }
        return record;
    }
}
