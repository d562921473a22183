package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.FormValues;
import org.tokengov.usertask.UserTaskListener;

/**
 * {@code Task_ApproveAsPi}: a PI of the production project (see {@link PiApprovers}) approves the requester's API
 * access, with at most the rights requested, or refuses it with a reason. Offered to them alone; anyone else is refused
 * at claim, assignment, candidacy and completion, whoever is asked by REST. The answer is the request's PI consent in
 * the ledger: issuance never grants more than the rights approved here.
 */
@Component("approveAsPiListener")
class ApproveAsPiListener extends UserTaskListener {

    private final RequestTasks tasks;
    private final PiApprovers approvers;
    private final RightsInRedcap rightsInRedcap;

    ApproveAsPiListener(RequestTasks tasks, PiApprovers approvers, RightsInRedcap rightsInRedcap) {
        this.tasks = tasks;
        this.approvers = approvers;
        this.rightsInRedcap = rightsInRedcap;
    }

    @Override
    protected String name(DelegateTask task) {
        return TokenRequestVariables.numbered(task, "Consent to API access of " + fact(task, REQUESTER)
                + " on project " + fact(task, PRODUCTION_PROJECT_ID));
    }

    @Override
    protected void created(DelegateTask task) {
        RequestFacts.showSubmission(task, tasks.caseOf(task));
        submission(task).ifPresent(request -> {
            task.setVariableLocal(REDCAP_RIGHTS, rightsInRedcap.describe(request));
            task.setVariableLocal(PI_CONSENT_MISSING, text(task, PI_CONSENT_MISSING));
            reoffer(task);
        });
    }

    /** Offers the task to the PIs as REDCap names them now (reminders call this too); returns who it is offered to. */
    Set<String> reoffer(DelegateTask task) {
        return submission(task).map(request -> tasks.candidates.offerTo(task, approvers.of(request, false)))
                .orElse(Set.of());
    }

    @Override
    protected void assigned(DelegateTask task) {
        if (task.getAssignee() != null) {
            refuseUnlessApprover(task, List.of(task.getAssignee()));
        }
    }

    @Override
    protected void updated(DelegateTask task) {
        refuseUnlessApprover(task, tasks.candidates.offeredTo(task));
    }

    @Override
    protected void mayComplete(DelegateTask task, String actor) {
        refuseUnlessApprover(task, List.of(actor));
        String assignee = task.getAssignee();
        boolean theirs = assignee == null ? tasks.candidates.offeredTo(task).contains(actor) : assignee.equals(actor);
        if (!theirs) {
            tasks.fourEyes.refuse(task, actor, actor + " may not complete '" + task.getName() + "': "
                    + (assignee == null ? "it is not offered to them." : "it is assigned to " + assignee + "."),
                    RequestTasks.about(task));
        }
    }

    /** Asks REDCap once for the PIs, however many people are checked (a task's candidates change together). */
    private void refuseUnlessApprover(DelegateTask task, Collection<String> people) {
        if (people.isEmpty()) {
            return;
        }
        TokenRequestRecord request = submission(task).orElse(null);
        Set<String> allowed = request == null ? Set.of() : approvers.of(request, true);
        for (String person : people) {
            if (request == null || person.equalsIgnoreCase(request.requester())) {
                tasks.fourEyes.refuse(task, person, person + " may not consent to their own API access.",
                        RequestTasks.about(task));
            } else if (!allowed.contains(person)) {
                tasks.fourEyes.refuse(task, person, person + " may not act on '" + task.getName() + "': only the "
                        + "project's PIs (full User Rights in REDCap) consent to a user's API access.", RequestTasks.about(task));
            }
        }
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        List<String> problems = DecisionForm.problems(task, PI_DECISION, "Decision", PiDecision.class,
                PiDecision.APPROVED, PI_COMMENTS);
        if (problems.isEmpty() && DecisionForm.decision(task, PI_DECISION, PiDecision.class) == PiDecision.APPROVED) {
            TokenRights approved = approvedRights(task, problems);
            TokenRights requested = requested(task);
            if (!problems.isEmpty()) {
                return problems;
            }
            if (!approved.any()) {
                problems.add("Approve at least one right, or refuse.");
            } else if (approved.beyond(requested).any()) {
                problems.add("You can approve only rights that were requested; " + approved.beyond(requested).inWords()
                        + " was not.");
            }
        }
        return problems;
    }

    @Override
    protected void completed(DelegateTask task, String pi) {
        PiDecision decision = DecisionForm.decision(task, PI_DECISION, PiDecision.class);
        String comments = DecisionForm.comments(task, PI_COMMENTS);
        if (decision == PiDecision.APPROVED) {
            TokenRights approved = approvedRights(task, new ArrayList<>());
            tasks.record(task, LedgerKind.PI_CONSENT, decision.name(), pi, approved.code());
            tasks.auditTrail.record(pi, AuditAction.PI_CONSENT_DECIDED, task.getProcessInstanceId(), null,
                    "APPROVED " + approved.inWords()
                            + (approved.equals(requested(task)) ? "" : " (requested: " + requested(task).inWords() + ")")
                            + (comments == null ? "" : ": " + comments));
        } else {
            tasks.record(task, LedgerKind.PI_CONSENT, decision.name(), pi, comments);
            tasks.auditTrail.record(pi, AuditAction.PI_CONSENT_DECIDED, task.getProcessInstanceId(), null,
                    "REFUSED: " + comments);
        }
    }

    private static TokenRights approvedRights(DelegateTask task, List<String> problems) {
        FormValues values = new FormValues(task, problems);
        return new TokenRights(values.flag(PI_APPROVED_EXPORT, "Approve API export"),
                values.flag(PI_APPROVED_IMPORT, "Approve API import"),
                values.flag(PI_APPROVED_MOBILE_APP, "Approve the REDCap mobile app"));
    }

    private TokenRights requested(DelegateTask task) {
        return submission(task).map(request -> new TokenRights(request.rightExport(), request.rightImport(),
                request.rightMobileApp())).orElse(TokenRights.NONE);
    }

    private Optional<TokenRequestRecord> submission(DelegateTask task) {
        return tasks.caseOf(task).submission();
    }
}
