package org.tokengov.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Asks the engine where a token request waits. A request is its {@code TokenRequestProcess} instance (request id =
 * process instance id) plus the issuance instances it calls, so the called instances are looked at first: while a
 * token is being issued, the request waits there. A user task wins over anything else, since a person must act.
 */
@Component
class RequestWaits {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final ManagementService management;

    RequestWaits(RuntimeService runtime, TaskService tasks, HistoryService history, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.management = management;
    }

    /** Empty when the request's process is no longer running. */
    Optional<WaitingPoint> of(String requestId) {
        List<String> instances = instanceTree(requestId);
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        boolean incident = instances.stream().anyMatch(instance -> runtime.createIncidentQuery().processInstanceId(instance).count() > 0);
        List<Task> open = tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list();
        if (!open.isEmpty()) {
            Task task = open.stream().max(Comparator.comparing(Task::getCreateTime)).orElseThrow();
            return Optional.of(new WaitingPoint(task.getName(), whoActsOn(task), task.getCreateTime().toInstant(), incident));
        }
        return Optional.of(systemStep(instances.get(instances.size() - 1), incident));
    }

    /** The request's instance, then the instances it called, deepest last. */
    private List<String> instanceTree(String requestId) {
        List<String> tree = new ArrayList<>();
        String current = requestId;
        while (current != null && runtime.createProcessInstanceQuery().processInstanceId(current).count() == 1) {
            tree.add(current);
            current = runtime.createProcessInstanceQuery().superProcessInstanceId(current).list().stream()
                    .map(ProcessInstance::getId).findFirst().orElse(null);
        }
        return tree;
    }

    private String whoActsOn(Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        String groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .collect(Collectors.joining(", "));
        return groups.isEmpty() ? "unassigned" : "group " + groups;
    }

    /**
     * No person's turn: the engine is working on the step (a job waiting for the job executor or for a retry) or
     * waiting for an event. Names the innermost activity; its start, or the job's creation, is the "since".
     */
    private WaitingPoint systemStep(String instanceId, boolean incident) {
        ActivityInstance root = runtime.getActivityInstance(instanceId);
        Optional<TransitionInstance> queued = transitions(root).findFirst();
        if (queued.isPresent()) {
            Job job = management.createJobQuery().executionId(queued.get().getExecutionId()).list().stream().findFirst().orElse(null);
            return new WaitingPoint(name(queued.get().getActivityName(), queued.get().getActivityId()), "",
                    job == null ? null : job.getCreateTime().toInstant(), incident);
        }
        ActivityInstance leaf = innermost(root);
        HistoricActivityInstance started = history.createHistoricActivityInstanceQuery().activityInstanceId(leaf.getId()).singleResult();
        return new WaitingPoint(name(leaf.getActivityName(), leaf.getActivityId()), "",
                started == null ? null : started.getStartTime().toInstant(), incident);
    }

    private static Stream<TransitionInstance> transitions(ActivityInstance instance) {
        return Stream.concat(Arrays.stream(instance.getChildTransitionInstances()),
                Arrays.stream(instance.getChildActivityInstances()).flatMap(RequestWaits::transitions));
    }

    private static ActivityInstance innermost(ActivityInstance instance) {
        ActivityInstance[] children = instance.getChildActivityInstances();
        return children.length == 0 ? instance : innermost(children[0]);
    }

    private static String name(String activityName, String activityId) {
        return activityName == null || activityName.isBlank() ? activityId : activityName;
    }
}
