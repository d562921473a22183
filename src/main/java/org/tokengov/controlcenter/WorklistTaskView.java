package org.tokengov.controlcenter;

import java.util.List;
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

    /** Camunda keeps a text variable of at most 4,000 characters: a long wave shows its oldest lines first. */
    static final int MAX_TEXT = 3_900;

    /** The open lines, one per row, as many as fit; then how many more wait. */
    static String text(List<WorklistLine> open) {
        if (open.isEmpty()) {
            return "Nothing left to do.";
        }
        StringBuilder text = new StringBuilder();
        for (int shown = 0; shown < open.size(); shown++) {
            String row = open.get(shown).text();
            String more = "\n... and " + (open.size() - shown) + " more line(s): they appear here as the ones above are done.";
            if (text.length() + row.length() + 1 + more.length() > MAX_TEXT) {
                return text.append(more).toString();
            }
            text.append(shown == 0 ? "" : "\n").append(row);
        }
        return text.toString();
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
