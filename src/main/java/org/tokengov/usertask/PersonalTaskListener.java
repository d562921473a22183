package org.tokengov.usertask;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.tokengov.usertask.FourEyes.AuditRef;

/**
 * A task only one person may work on: the requester testing in QA, the sponsor confirming, the holder renewing. Who
 * that is comes from the app's records, never from a variable; anyone else is refused at assignment, candidacy and
 * completion.
 */
public abstract class PersonalTaskListener extends UserTaskListener {

    protected final FourEyes fourEyes;
    protected final TaskCandidates candidates;

    protected PersonalTaskListener(FourEyes fourEyes, TaskCandidates candidates) {
        this.fourEyes = fourEyes;
        this.candidates = candidates;
    }

    /** The one person who works on this task, from the ledger or the registry. */
    protected abstract String person(DelegateTask task);

    /** Who that person is to the case, completing "Only alice, …, works on …", e.g. "who requested the token". */
    protected abstract String role();

    protected abstract AuditRef about(DelegateTask task);

    @Override
    protected void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(person(task))) {
            refuse(task, assignee);
        }
    }

    @Override
    protected void updated(DelegateTask task) {
        String person = person(task);
        for (String candidate : candidates.offeredTo(task)) {
            if (!candidate.equals(person)) {
                refuse(task, candidate);
            }
        }
    }

    @Override
    protected void mayComplete(DelegateTask task, String actor) {
        if (!actor.equals(person(task))) {
            refuse(task, actor);
        }
    }

    private void refuse(DelegateTask task, String who) {
        fourEyes.refuse(task, who, who + " may not act on '" + task.getName() + "': only " + person(task) + ", "
                + role() + ", works on it.", about(task));
    }
}
