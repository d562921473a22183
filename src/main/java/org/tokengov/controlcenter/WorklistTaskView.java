package org.tokengov.controlcenter;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tokengov.identity.SystemAuthority;

/** What the worklist's task shows: its wave's open lines, from the app's tables, kept current as lines come and go. */
@Component
class WorklistTaskView {

    private final TaskService tasks;
    private final IdentityService identity;
    private final WorklistLines lines;

    WorklistTaskView(TaskService tasks, IdentityService identity, WorklistLines lines) {
        this.tasks = tasks;
        this.identity = identity;
        this.lines = lines;
    }

    static String text(List<WorklistLine> open) {
        return open.isEmpty() ? "Nothing left to do." : open.stream().map(WorklistLine::text).collect(Collectors.joining("\n"));
    }

    /** The wave's task, if it waits already, shows its open lines as they are now. */
    void refresh(String waveId) {
        SystemAuthority.run(identity, () -> {
            Task task = tasks.createTaskQuery().processDefinitionKey(ControlCenterWorklistVariables.PROCESS)
                    .processInstanceBusinessKey(waveId).taskDefinitionKey(ControlCenterWorklistVariables.TASK).singleResult();
            if (task != null) {
                tasks.setVariableLocal(task.getId(), ControlCenterWorklistVariables.WORKLIST_LINES, text(lines.openOf(waveId)));
            }
        });
    }
}
