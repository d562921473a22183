package org.tokengov.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.tokengov.ledger.TokenCase;
import org.tokengov.usertask.Exclusions;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.GroupDecisionTaskListener;

/** A decision on a token that never its holder gives, nor (for approvals) those who reviewed the case. */
abstract class TokenDecisionTaskListener extends GroupDecisionTaskListener {

    protected final LifecycleTasks tasks;

    TokenDecisionTaskListener(LifecycleTasks tasks) {
        super(tasks.fourEyes, tasks.candidates);
        this.tasks = tasks;
    }

    /** Besides the holder, who may not give this decision: reviewers of the case, for approvals. */
    protected Exclusions alsoExcluded(TokenCase token, Exclusions excluded) {
        return excluded;
    }

    @Override
    protected final Exclusions excluded(DelegateTask task) {
        TokenCase token = tasks.caseOf(task);
        return alsoExcluded(token, new Exclusions().exclude(token.holder(), "it concerns their own token"));
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return tasks.about(task);
    }
}
