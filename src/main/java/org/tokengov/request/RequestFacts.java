package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.RequestCase;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.usertask.QaResultForm;

/**
 * Shows a request's facts on a task as the ledger has them: task-local variables for the form's read-only fields, so
 * what a sponsor, reviewer or approver sees is what was submitted and tested, whatever a process variable says.
 */
final class RequestFacts {

    private RequestFacts() {
    }

    static void showSubmission(DelegateTask task, RequestCase request) {
        request.submission().ifPresent(submission -> showSubmission(task, submission));
    }

    static void showQaTest(DelegateTask task, RequestCase request) {
        request.latest(LedgerKind.QA_TESTED).map(entry -> QaResultForm.fromLedger(entry.details())).ifPresent(result -> {
            show(task, CODE_REPOSITORY_URL, result.repository());
            show(task, CODE_COMMIT, result.commit());
            show(task, TEST_SUMMARY, result.summary());
            CodeLinks links = CodeLinks.of(result.repository(), result.commit());
            show(task, CODE_REPOSITORY_LINK, links.repository());
            show(task, CODE_COMMIT_LINK, links.commit());
        });
    }

    static void showLastReviewComments(DelegateTask task, RequestCase request) {
        request.latest(LedgerKind.CODE_REVIEW).ifPresent(review -> show(task, CODE_REVIEW_COMMENTS, review.details()));
    }

    /** The code review that let the request on to the approval: who, on which day, and their comments. */
    static void showLastReview(DelegateTask task, RequestCase request) {
        request.latest(LedgerKind.CODE_REVIEW).ifPresent(review -> {
            show(task, CODE_REVIEWER, review.actor());
            show(task, CODE_REVIEWED_ON, review.recordedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
            show(task, CODE_REVIEW_COMMENTS, review.details());
        });
    }

    private static void showSubmission(DelegateTask task, TokenRequestRecord submission) {
        show(task, REQUESTER, submission.requester());
        show(task, PRODUCTION_PROJECT_ID, submission.productionProjectId());
        show(task, QA_PROJECT_ID, submission.qaProjectId());
        show(task, INTENDED_USE, submission.intendedUse());
        show(task, USAGE_DESCRIPTION, submission.usageDescription());
        show(task, CALL_SCHEDULE, submission.callSchedule());
        show(task, EXPECTED_CALLS_PER_DAY, submission.expectedCallsPerDay());
        show(task, RIGHT_EXPORT, submission.rightExport());
        show(task, RIGHT_IMPORT, submission.rightImport());
        show(task, RIGHT_MOBILE_APP, submission.rightMobileApp());
        show(task, REQUESTED_RIGHTS, RightsInWords.of(submission.rightExport(), submission.rightImport(),
                submission.rightMobileApp()));
    }

    private static void show(DelegateTask task, String name, Object value) {
        task.setVariableLocal(name, value);
    }

}
