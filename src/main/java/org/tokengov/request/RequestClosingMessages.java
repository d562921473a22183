package org.tokengov.request;

import org.tokengov.registry.RequestStatus;

/** What the requester is told when their request ends. Never contains a token value. */
final class RequestClosingMessages {

    private RequestClosingMessages() {
    }

    static String subject(RequestStatus outcome, long productionProjectId) {
        return switch (outcome) {
            case APPROVED -> "Your production API token for REDCap project " + productionProjectId + " is ready";
            case INELIGIBLE -> "Your API token request for REDCap project " + productionProjectId + " cannot proceed";
            case REJECTED -> "Your API token request for REDCap project " + productionProjectId + " was rejected";
            case TIMED_OUT -> "Your API token request for REDCap project " + productionProjectId + " was closed";
            case SUBMITTED -> throw new IllegalArgumentException("A request is not closed as SUBMITTED");
        };
    }

    static String body(RequestStatus outcome, String reason) {
        return switch (outcome) {
            case APPROVED -> "Your request was approved. Log in to REDCap production and open the project's API page "
                    + "to read your token. Keep it out of code, browsers and e-mail. The token is valid for one year.";
            case INELIGIBLE -> "Your request cannot proceed: " + reason;
            case REJECTED -> "Your request was rejected. " + reason;
            case TIMED_OUT -> "Your request was closed. " + reason;
            case SUBMITTED -> throw new IllegalArgumentException("A request is not closed as SUBMITTED");
        };
    }
}
