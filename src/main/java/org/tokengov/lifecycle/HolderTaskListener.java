package org.tokengov.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.PersonalTaskListener;

/** A lifecycle task only the token's holder (from the registry) works on: renewal, a fix, a code change. */
abstract class HolderTaskListener extends PersonalTaskListener {

    protected final LifecycleTasks tasks;

    HolderTaskListener(LifecycleTasks tasks) {
        super(tasks.fourEyes, tasks.candidates);
        this.tasks = tasks;
    }

    @Override
    protected String person(DelegateTask task) {
        return tasks.caseOf(task).holder();
    }

    @Override
    protected String role() {
        return "who holds the token";
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return tasks.about(task);
    }
}
