package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.FormValues;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.PersonalTaskListener;

/**
 * {@code Task_ConfirmSponsorship}: only the sponsor the eligibility check found in the identity store answers for an
 * external requester; declining needs a reason. The answer is a gate in the ledger.
 */
@Component("confirmSponsorshipListener")
class ConfirmSponsorshipListener extends PersonalTaskListener {

    private final RequestTasks tasks;

    ConfirmSponsorshipListener(RequestTasks tasks) {
        super(tasks.fourEyes, tasks.candidates);
        this.tasks = tasks;
    }

    @Override
    protected String name(DelegateTask task) {
        return TokenRequestVariables.numbered(task, "Confirm sponsorship of " + fact(task, REQUESTER)
                + " for project " + fact(task, PRODUCTION_PROJECT_ID));
    }

    @Override
    protected void created(DelegateTask task) {
        RequestFacts.showSubmission(task, tasks.caseOf(task));
    }

    @Override
    protected String person(DelegateTask task) {
        return tasks.caseOf(task).sponsorToConfirm().orElse(null);
    }

    @Override
    protected String role() {
        return "the requester's sponsor";
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return RequestTasks.about(task);
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        FormValues values = new FormValues(task, problems);
        if (!values.flag(SPONSORSHIP_CONFIRMED, "Sponsorship confirmation")) {
            values.text(SPONSOR_COMMENTS, "Why you do not confirm", 1, DecisionForm.COMMENTS_MAX);
        }
        return problems;
    }

    @Override
    protected void completed(DelegateTask task, String sponsor) {
        boolean confirmed = Boolean.TRUE.equals(FormValues.asBoolean(task.getVariable(SPONSORSHIP_CONFIRMED)));
        String comments = DecisionForm.comments(task, SPONSOR_COMMENTS);
        tasks.record(task, LedgerKind.SPONSORSHIP, confirmed ? "CONFIRMED" : "DECLINED", sponsor, comments);
        tasks.auditTrail.record(sponsor, AuditAction.SPONSORSHIP_DECIDED, task.getProcessInstanceId(), null,
                (confirmed ? "confirmed" : "not confirmed") + (comments == null ? "" : ": " + comments));
    }
}
