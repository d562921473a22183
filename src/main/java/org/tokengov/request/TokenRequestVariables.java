package org.tokengov.request;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.tokengov.usertask.QaResultForm;

/**
 * The names of {@code TokenRequestProcess}'s variables, and typed reads of them. Nothing else reads raw names. The
 * variables serve the diagram (routing, task names) and the forms; no gate reads them: who asked for what, and which
 * gates it passed, is the request ledger's.
 */
public final class TokenRequestVariables {

    public static final String PROCESS = "TokenRequestProcess";
    public static final String REQUESTER = "requester";
    public static final String PRODUCTION_PROJECT_ID = "productionProjectId";
    public static final String QA_PROJECT_ID = "qaProjectId";
    public static final String RIGHT_EXPORT = "rightExport";
    public static final String RIGHT_IMPORT = "rightImport";
    public static final String RIGHT_MOBILE_APP = "rightMobileApp";
    public static final String FAIR_USE_ACCEPTED = "fairUseAccepted";
    public static final String INTENDED_USE = "intendedUse";
    public static final String USAGE_DESCRIPTION = "usageDescription";
    public static final String CALL_SCHEDULE = "callSchedule";
    public static final String EXPECTED_CALLS_PER_DAY = "expectedCallsPerDay";
    /** The start form's ({@code token-request}) variables, as a requester submits them. */
    public static final List<String> SUBMITTED = List.of(PRODUCTION_PROJECT_ID, QA_PROJECT_ID, RIGHT_EXPORT, RIGHT_IMPORT,
            RIGHT_MOBILE_APP, FAIR_USE_ACCEPTED, INTENDED_USE, USAGE_DESCRIPTION, CALL_SCHEDULE, EXPECTED_CALLS_PER_DAY);

    /** The request's number as the registry filed it ({@code REQ-2026-0042}): only for task names, no gate reads it. */
    public static final String REQUEST_NUMBER = "requestNumber";

    public static final String ELIGIBLE = "eligible";
    public static final String INELIGIBILITY_REASON = "ineligibilityReason";
    /** The internal sponsor of an external requester, who confirms the sponsorship; null for internal requesters. */
    public static final String SPONSOR = "sponsor";
    public static final String SPONSORSHIP_CONFIRMED = "sponsorshipConfirmed";
    public static final String SPONSOR_COMMENTS = "sponsorComments";

    /** Set by {@code Task_CheckPiConsent}: the requested rights are not all enabled in REDCap, a PI must approve. */
    public static final String PI_APPROVAL_NEEDED = "piApprovalNeeded";
    /** What the PI has not enabled, in plain sentences (shown on {@code Task_ApproveAsPi}, mailed to the requester). */
    public static final String PI_CONSENT_MISSING = "piConsentMissing";
    /** Set by {@code Task_RecheckPiConsent} once REDCap shows the rights enabled: ends the waiting PI approval. */
    public static final String PI_CONSENT_IN_REDCAP = "piConsentInRedcap";
    public static final String PI_DECISION = "piDecision";
    public static final String PI_APPROVED_EXPORT = "piApprovedExport";
    public static final String PI_APPROVED_IMPORT = "piApprovedImport";
    public static final String PI_APPROVED_MOBILE_APP = "piApprovedMobileApp";
    public static final String PI_COMMENTS = "piComments";

    public static final String CODE_REPOSITORY_URL = QaResultForm.CODE_REPOSITORY_URL;
    public static final String CODE_COMMIT = QaResultForm.CODE_COMMIT;
    public static final String TEST_SUMMARY = QaResultForm.TEST_SUMMARY;
    /** Read-only on the review and the approval: links to the code (made from the QA result, safe for a form's text). */
    public static final String CODE_REPOSITORY_LINK = "codeRepositoryLink";
    public static final String CODE_COMMIT_LINK = "codeCommitLink";
    /**
     * Read-only on the review: the leak scan page for this request's code ({@code /leaks/scan?request=<number>}), made
     * from the ledger's request number, for the form's text.
     */
    public static final String LEAK_SCAN_LINK = "leakScanLink";
    /** Read-only on the review and the approval: what the requested rights allow, in words. */
    public static final String REQUESTED_RIGHTS = "requestedRights";
    /** Read-only on the approval: who reviewed the code, and on which day (UTC). */
    public static final String CODE_REVIEWER = "codeReviewer";
    public static final String CODE_REVIEWED_ON = "codeReviewedOn";
    /** Read-only on the review and the approval: the requester's API rights in REDCap as REDCap applies them. */
    public static final String REDCAP_RIGHTS = "redcapRights";
    /** Read-only on the QA test and the review of a successor request: whose reviewed code it takes over. */
    public static final String SUCCESSION_NOTE = "successionNote";
    /** Read-only on the review: what REDCap logged of the QA token since its issue, next to the declared schedule. */
    public static final String QA_TOKEN_USE = "qaTokenUse";
    public static final String CODE_REVIEW_OUTCOME = "codeReviewOutcome";
    public static final String CODE_REVIEW_COMMENTS = "codeReviewComments";
    public static final String ADMIN_DECISION = "adminDecision";
    public static final String ADMIN_COMMENTS = "adminComments";

    public static final String QA_TOKEN_ID = "qaTokenId";
    public static final String PRODUCTION_TOKEN_ID = "productionTokenId";

    /** Local input parameters of the closing and reminder steps. */
    public static final String REQUEST_OUTCOME = "requestOutcome";
    public static final String OUTCOME_REASON = "outcomeReason";

    private TokenRequestVariables() {
    }

    /** A step's Tasklist name led by the request's number ({@code REQ-2026-0042: …}) once the request has one. */
    public static String numbered(VariableScope scope, String name) {
        Object number = scope.getVariable(REQUEST_NUMBER);
        return number == null ? name : number + ": " + name;
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
