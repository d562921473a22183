package org.tokengov.usertask;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Tasklist names with the facts of the case. The diagrams name their user tasks statically (the diagram tab and the
 * Modeler show "Review API code"), and each task's listener names the task itself when it is created.
 */
public final class TaskNames {

    private TaskNames() {
    }

    /** Names the task {@code name}; a null name keeps the diagram's. */
    public static void apply(DelegateTask task, String name) {
        if (name != null && !name.isBlank()) {
            task.setName(name);
        }
    }

    /** The variable's value as the name shows it (as {@code ${variable}} did in the diagram). */
    public static String fact(DelegateTask task, String variable) {
        return String.valueOf(task.getVariable(variable));
    }
}
