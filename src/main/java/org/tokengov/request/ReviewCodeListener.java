package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.identity.ContractGroups;
import org.tokengov.leaks.LeakScans;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.RequestCase;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.Exclusions;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.GroupDecisionTaskListener;

/**
 * {@code Task_ReviewCode}: an API specialist other than the requester reviews the code the requester tested in QA
 * (offered to the other specialists only). Anything but an approval needs comments; the review is a gate in the
 * ledger, and the requester is told an approval or the changes asked for (a rejection is told by the closing step).
 * For a named successor's request the review confirms the code is the predecessor's reviewed code: the task shows
 * whose, which repository and commit, and who reviewed it when, from the naming record. An approval is refused while
 * the latest leak scan of the code under review (the page {@code /leaks/scan?request=}, linked from the task, or
 * {@code POST /api/leaks/scan?request=}) held a live token. The task shows what REDCap logged of the QA token (calls by
 * kind, busiest minute, hours of day) next to the declared schedule.
 */
@Component("reviewCodeListener")
class ReviewCodeListener extends GroupDecisionTaskListener {

    /** The leak scan's page for people (in the dashboard), linked from the task's form. */
    static final String LEAK_SCAN_PAGE = "/leaks/scan";

    private final RequestTasks tasks;
    private final RightsInRedcap rightsInRedcap;
    private final LeakScans leakScans;
    private final QaTokenUse qaTokenUse;

    ReviewCodeListener(RequestTasks tasks, RightsInRedcap rightsInRedcap, LeakScans leakScans, QaTokenUse qaTokenUse) {
        super(tasks.fourEyes, tasks.candidates);
        this.tasks = tasks;
        this.rightsInRedcap = rightsInRedcap;
        this.leakScans = leakScans;
        this.qaTokenUse = qaTokenUse;
    }

    @Override
    protected String name(DelegateTask task) {
        return TokenRequestVariables.numbered(task, "Review API code of " + fact(task, REQUESTER) + " for project "
                + fact(task, PRODUCTION_PROJECT_ID));
    }

    @Override
    protected String group() {
        return ContractGroups.SPECIALISTS;
    }

    @Override
    protected Exclusions excluded(DelegateTask task) {
        return new Exclusions().exclude(tasks.requesterOf(task), "it concerns their own request");
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return RequestTasks.about(task);
    }

    @Override
    protected void show(DelegateTask task) {
        RequestCase request = tasks.caseOf(task);
        RequestFacts.showSubmission(task, request);
        request.submission().ifPresent(submission -> task.setVariableLocal(REDCAP_RIGHTS, rightsInRedcap.describe(submission)));
        RequestFacts.showQaTest(task, request);
        // Next to the declared schedule and calls per day (from the submission above): what REDCap logged in QA.
        task.setVariableLocal(QA_TOKEN_USE, qaTokenUse.observe(request).map(QaTokenUse.Observed::describe)
                .orElse("The registry holds no QA token of this request."));
        // From the ledger's number, set on every creation: a process variable of that name never poses as the link.
        task.setVariableLocal(LEAK_SCAN_LINK, request.submission().map(submission -> LEAK_SCAN_PAGE + "?request="
                + URLEncoder.encode(submission.number(), StandardCharsets.UTF_8)).orElse(LEAK_SCAN_PAGE));
        ReviewChecklist.startFresh(task);
        // Set even when empty: a process variable of that name, which a caller can write, never poses as a naming.
        task.setVariableLocal(SUCCESSION_NOTE, tasks.successionOf(task).map(Succession::reviewNote).orElse(null));
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        List<String> problems = DecisionForm.problems(task, CODE_REVIEW_OUTCOME, "Outcome", ReviewOutcome.class,
                ReviewOutcome.APPROVED, CODE_REVIEW_COMMENTS);
        List<ReviewChecklist> unticked = ReviewChecklist.unticked(task);
        if (problems.isEmpty() && DecisionForm.decision(task, CODE_REVIEW_OUTCOME, ReviewOutcome.class) == ReviewOutcome.APPROVED) {
            if (!unticked.isEmpty()) {
                problems.add(ReviewChecklist.uncheckedProblem(unticked));
            }
            leakScans.latestFor(task.getProcessInstanceId()).filter(scan -> scan.liveTokensFound() > 0)
                    .ifPresent(scan -> problems.add(leakFound(scan)));
        }
        return problems;
    }

    /** The app's record of the latest scan decides, never a variable: the code under review held a live token. */
    private static String leakFound(LeakScans.ReviewScan scan) {
        return "The latest scan of the code under review (by " + scan.scannedBy() + " at " + scan.scannedAt()
                + " UTC) held " + scan.liveTokensFound() + " live token(s), now being replaced. The token must come out"
                + " of the code: scan the cleaned code again (the task's scan link, or POST /api/leaks/scan?request=…) before"
                + " approving.";
    }

    @Override
    protected void completed(DelegateTask task, String reviewer) {
        ReviewOutcome outcome = DecisionForm.decision(task, CODE_REVIEW_OUTCOME, ReviewOutcome.class);
        String comments = DecisionForm.comments(task, CODE_REVIEW_COMMENTS);
        tasks.record(task, LedgerKind.CODE_REVIEW, outcome.name(), reviewer, comments);
        tasks.auditTrail.record(reviewer, AuditAction.CODE_REVIEWED, task.getProcessInstanceId(), null,
                outcome + " (" + ReviewChecklist.summary(task) + ")" + (comments == null ? "" : ": " + comments));
        RequestCase request = tasks.caseOf(task);
        switch (outcome) {
            case APPROVED -> tell(request, MailKind.CODE_REVIEW_PASSED, comments);
            // The new QA task goes to the requester in this same step: this notice becomes its mail, with its link.
            case CHANGES_REQUESTED -> tell(request, MailKind.CHANGES_REQUESTED, comments);
            case REJECTED -> {
                // The closing step tells the requester, with the same comments.
            }
        }
    }

    private void tell(RequestCase request, MailKind kind, String comments) {
        request.submission().ifPresent(submission -> tasks.notifier.send(Notification.toUser(submission.requester(), kind,
                Map.of("project", submission.productionProjectId(), "comments", comments == null ? "" : comments))
                .aboutRequest(submission.number())));
    }
}
