package org.tokengov.usertask;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The rules of one user task, in one bean named after it and wired on that task for each event it cares about
 * (create, assignment, update, complete). Subclasses say who may act and what completing records; this base refuses
 * anyone else at every event, and invalid values at completion.
 */
public abstract class UserTaskListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                TaskNames.apply(task, name(task));
                created(task);
            }
            case EVENTNAME_ASSIGNMENT -> assigned(task);
            case EVENTNAME_UPDATE -> updated(task);
            case EVENTNAME_COMPLETE -> {
                String actor = TaskActor.of(task);
                if (actor == null) {
                    throw new FourEyesViolationException("'" + task.getName() + "' must be completed by a signed-in person.");
                }
                mayComplete(task, actor);
                List<String> problems = problems(task);
                if (!problems.isEmpty()) {
                    throw new FormFieldValidationException(task.getTaskDefinitionKey(),
                            "Cannot complete '" + task.getName() + "': " + String.join(" ", problems));
                }
                completed(task, actor);
            }
            default -> {
                // delete and timeout need nothing
            }
        }
    }

    /**
     * The task's name in Tasklist with the case's facts (request number, project, holder), set when it is created; the
     * diagram keeps a static name, which stays when this returns null.
     */
    protected String name(DelegateTask task) {
        return null;
    }

    /** The task was created: offer it to the right people, show the case's facts. */
    protected void created(DelegateTask task) {
    }

    /** The task was claimed, assigned or unclaimed: refuse an assignee who may not act on it. */
    protected void assigned(DelegateTask task) {
    }

    /** Candidates or other properties changed: refuse a candidate who may not act on it. */
    protected void updated(DelegateTask task) {
    }

    /** Refuses {@code actor} completing the task if they may not. */
    protected abstract void mayComplete(DelegateTask task, String actor);

    /** What is wrong with the submitted values, in words the person understands; empty if nothing. */
    protected abstract List<String> problems(DelegateTask task);

    /** The task was completed by {@code actor} with valid values: ledger, audit, notice. */
    protected abstract void completed(DelegateTask task, String actor);
}
