package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.identity.Person;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.TaskCandidates;
import org.tokengov.usertask.UserTaskListener;

/**
 * {@code Task_NameNewSponsor}: a PI of the external's projects or a REDCap administrator names the new sponsor, never
 * the external or the sponsor who left. The engine checks the named person (a REST caller can skip the form), and the
 * ledger keeps who named whom: releasing the held tokens requires it. The identity store is written later, in its
 * own retried step.
 */
@Component("nameNewSponsorListener")
class NameNewSponsorListener extends UserTaskListener {

    private final NewSponsorRule rule;
    private final Ledger ledger;
    private final FourEyes fourEyes;
    private final TaskCandidates candidates;

    NameNewSponsorListener(NewSponsorRule rule, Ledger ledger, FourEyes fourEyes, TaskCandidates candidates) {
        this.rule = rule;
        this.ledger = ledger;
        this.fourEyes = fourEyes;
        this.candidates = candidates;
    }

    @Override
    protected String name(DelegateTask task) {
        return "Name a new sponsor for " + fact(task, EXTERNAL) + " (REDCap project " + fact(task, TOKEN_PROJECTS)
                + ")";
    }

    @Override
    protected void assigned(DelegateTask task) {
        refuseIfConcerned(task, task.getAssignee());
    }

    @Override
    protected void updated(DelegateTask task) {
        candidates.offeredTo(task).forEach(candidate -> refuseIfConcerned(task, candidate));
    }

    @Override
    protected void mayComplete(DelegateTask task, String actor) {
        refuseIfConcerned(task, actor);
        boolean theirs = task.getAssignee() == null ? candidates.offeredTo(task).contains(actor) : task.getAssignee().equals(actor);
        if (!theirs) {
            fourEyes.refuse(task, actor, actor + " may not complete '" + task.getName() + "': it is offered to the "
                    + "project's PIs and the REDCap administrators.", about(task));
        }
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        try {
            rule.check(text(task, NEW_SPONSOR), SponsorReplacements.external(task), text(task, DEPARTED_SPONSOR));
            return List.of();
        } catch (FormFieldValidationException refused) {
            return List.of(refused.getMessage());
        }
    }

    @Override
    protected void completed(DelegateTask task, String namedBy) {
        Person sponsor = rule.check(text(task, NEW_SPONSOR), SponsorReplacements.external(task), text(task, DEPARTED_SPONSOR));
        task.setVariable(NEW_SPONSOR, Variables.stringValue(sponsor.username()));
        task.setVariable(NEW_SPONSOR_NAMED_BY, Variables.stringValue(namedBy));
        ledger.record(CaseRef.sponsorReplacement(SponsorReplacements.key(task)), LedgerKind.NEW_SPONSOR_NAMED, null,
                namedBy, sponsor.username(), "for " + SponsorReplacements.external(task));
    }

    private void refuseIfConcerned(DelegateTask task, String person) {
        if (person != null && (person.equalsIgnoreCase(SponsorReplacements.external(task))
                || person.equalsIgnoreCase(text(task, DEPARTED_SPONSOR)))) {
            fourEyes.refuse(task, person, person + " may not act on '" + task.getName() + "': it concerns them.",
                    about(task));
        }
    }

    private static AuditRef about(DelegateTask task) {
        return new AuditRef(null, null);
    }
}
