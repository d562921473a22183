package org.tokengov.dashboard;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Links into Tasklist for the open tasks a viewer may open there. Whether they may is the engine's to say, as Tasklist
 * asks it: the task query runs authenticated as the viewer with their groups, so the engine's authorizations (assignee,
 * candidate user or group, administrators) decide, in one query for the page. A task the viewer could not open gets
 * no link: a link that ends on "task not found" helps no one.
 */
@Component
class OpenTaskLinks {

    private final IdentityService identity;
    private final TaskService tasks;
    private final String tasklist;

    OpenTaskLinks(IdentityService identity, TaskService tasks, WebappLinks links) {
        this.identity = identity;
        this.tasks = tasks;
        this.tasklist = links.tasklist();
    }

    /** Tasklist's address of each of these tasks the viewer may open; the others are absent. */
    Map<String, String> visibleTo(Viewer viewer, Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Authentication caller = identity.getCurrentAuthentication();
        identity.setAuthentication(viewer.username(), viewer.groups());
        try {
            Set<String> visible = tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list().stream()
                    .map(Task::getId).collect(Collectors.toSet());
            return visible.stream().collect(Collectors.toMap(Function.identity(), this::link));
        } finally {
            if (caller == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(caller);
            }
        }
    }

    String link(String taskId) {
        return tasklist + "#/?task=" + taskId;
    }
}
