package org.tokengov.usertask;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.tokengov.usertask.FourEyes.AuditRef;

/**
 * A decision that a group gives, never by the people the case excludes (four eyes: the requester or holder, and for
 * an approval everyone who reviewed the case). The task is offered only to the group's other members; an excluded
 * person is refused when claiming, being assigned, being made a candidate and completing. Completing needs the
 * task: its assignee, or, unclaimed, one of the people it is offered to.
 */
public abstract class GroupDecisionTaskListener extends UserTaskListener {

    protected final FourEyes fourEyes;
    protected final TaskCandidates candidates;

    protected GroupDecisionTaskListener(FourEyes fourEyes, TaskCandidates candidates) {
        this.fourEyes = fourEyes;
        this.candidates = candidates;
    }

    /** The group that gives this decision. */
    protected abstract String group();

    /** Who may not give it, from the ledger and the registry. */
    protected abstract Exclusions excluded(DelegateTask task);

    protected abstract AuditRef about(DelegateTask task);

    /** Shows the case's facts on the task (local variables the form displays), from the app's records. */
    protected void show(DelegateTask task) {
    }

    @Override
    protected final void created(DelegateTask task) {
        reoffer(task);
        show(task);
    }

    /**
     * Offers the task to the group's members who may give the decision, as the group is now (reminders call this, so
     * people who joined the group meanwhile see it too); returns who it is offered to.
     */
    public Set<String> reoffer(DelegateTask task) {
        return candidates.offer(task, group(), excluded(task));
    }

    @Override
    protected void assigned(DelegateTask task) {
        if (task.getAssignee() != null) {
            fourEyes.refuseIfExcluded(task, task.getAssignee(), excluded(task), about(task));
        }
    }

    @Override
    protected void updated(DelegateTask task) {
        Exclusions excluded = excluded(task);
        for (String candidate : candidates.offeredTo(task)) {
            fourEyes.refuseIfExcluded(task, candidate, excluded, about(task));
        }
    }

    @Override
    protected void mayComplete(DelegateTask task, String actor) {
        fourEyes.refuseIfExcluded(task, actor, excluded(task), about(task));
        String assignee = task.getAssignee();
        Set<String> offered = candidates.offeredTo(task);
        boolean theirs = assignee == null ? offered.contains(actor) : assignee.equals(actor);
        if (!theirs) {
            fourEyes.refuse(task, actor, actor + " may not complete '" + task.getName() + "': "
                    + (assignee == null ? "it is not offered to them." : "it is assigned to " + assignee + "."), about(task));
        }
    }
}
