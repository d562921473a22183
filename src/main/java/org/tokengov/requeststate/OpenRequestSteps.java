package org.tokengov.requeststate;

/**
 * The state of a running request from the step it waits at in {@code TokenRequestProcess}. Every other step (the
 * eligibility and PI consent checks, issuing a token, a step about to start) is the system's work: SUBMITTED.
 */
final class OpenRequestSteps {

    static final String CONFIRM_SPONSORSHIP = "Task_ConfirmSponsorship";
    static final String APPROVE_AS_PI = "Task_ApproveAsPi";
    static final String DEVELOP_AND_TEST_IN_QA = "Task_DevelopAndTestInQa";
    static final String REVIEW_CODE = "Task_ReviewCode";
    static final String APPROVE_RELEASE = "Task_ApproveRelease";

    private OpenRequestSteps() {
    }

    /** {@code changesRequested}: the latest code review of the request in the ledger asked for changes. */
    static RequestState stateAt(String activityId, boolean changesRequested) {
        return switch (activityId == null ? "" : activityId) {
            case CONFIRM_SPONSORSHIP -> RequestState.WAITING_FOR_SPONSOR;
            case APPROVE_AS_PI -> RequestState.WAITING_FOR_PI;
            case DEVELOP_AND_TEST_IN_QA -> changesRequested ? RequestState.CHANGES_REQUESTED : RequestState.QA_TESTING;
            case REVIEW_CODE -> RequestState.IN_REVIEW;
            case APPROVE_RELEASE -> RequestState.WAITING_FOR_APPROVAL;
            default -> RequestState.SUBMITTED;
        };
    }
}
