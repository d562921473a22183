package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.identity.Person;
import org.tokengov.request.TaskActor;

/**
 * {@code Task_NameNewSponsor}, on complete: the engine checks the named sponsor (a REST caller can skip the form) and
 * remembers who named them. The identity store is written later, in its own retried step.
 */
@Component("validateNewSponsorListener")
class ValidateNewSponsorListener implements TaskListener {

    private final NewSponsorRule rule;

    ValidateNewSponsorListener(NewSponsorRule rule) {
        this.rule = rule;
    }

    @Override
    public void notify(DelegateTask task) {
        Person sponsor = rule.check(text(task, NEW_SPONSOR), text(task, EXTERNAL), text(task, DEPARTED_SPONSOR));
        task.setVariable(NEW_SPONSOR, Variables.stringValue(sponsor.username()));
        task.setVariable(NEW_SPONSOR_NAMED_BY, Variables.stringValue(TaskActor.of(task)));
    }
}
