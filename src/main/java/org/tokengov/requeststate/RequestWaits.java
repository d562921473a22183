package org.tokengov.requeststate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.tokengov.identity.SystemAuthority;

/**
 * Asks the engine where a token request waits. A request is its {@code TokenRequestProcess} instance (request id =
 * process instance id) plus the issuance instances it calls, so the called instances are looked at first: while a
 * token is being issued, the request waits there. A user task wins over anything else, since a person must act. Shared
 * by the dashboard's open requests and the requests list.
 */
@Component
public class RequestWaits {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final ManagementService management;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final NamedParameterJdbcTemplate jdbc;

    RequestWaits(RuntimeService runtime, TaskService tasks, HistoryService history, ManagementService management,
            RepositoryService repository, IdentityService identity, NamedParameterJdbcTemplate jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.management = management;
        this.repository = repository;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /**
     * Where each of a page of requests waits, in a bounded number of engine queries whatever the page's size: the
     * running instances, those with an incident, their user tasks, the tasks' candidates and the deadline timers, one
     * query each. A request whose instance has no user task (the system is working on it, or it is in a called
     * instance) is looked at alone: that is brief and rare. Empty for a request whose process is no longer running.
     * Read as the system: whose requests a person may see was decided by the caller, and a requester holds no engine
     * permission on their request's instance.
     */
    public Map<String, Optional<WaitingPoint>> of(Collection<String> requestIds) {
        return SystemAuthority.call(identity, () -> findAll(requestIds));
    }

    private Map<String, Optional<WaitingPoint>> findAll(Collection<String> requestIds) {
        Map<String, Optional<WaitingPoint>> points = new LinkedHashMap<>();
        requestIds.forEach(id -> points.put(id, Optional.empty()));
        if (requestIds.isEmpty()) {
            return points;
        }
        Set<String> running = runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(requestIds)).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
        if (running.isEmpty()) {
            return points;
        }
        Set<String> failing = runtime.createProcessInstanceQuery().processInstanceIds(running).withIncident().list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
        Map<String, Task> newestTask = new HashMap<>();
        for (Task task : tasks.createTaskQuery().processInstanceIdIn(running.toArray(String[]::new)).list()) {
            newestTask.merge(task.getProcessInstanceId(), task,
                    (one, other) -> one.getCreateTime().after(other.getCreateTime()) ? one : other);
        }
        Map<String, List<String>> candidates = candidates(newestTask.values());
        Map<String, List<Job>> timers = newestTask.isEmpty() ? Map.of()
                : management.createJobQuery().processInstanceIds(newestTask.keySet()).timers().list().stream()
                        .collect(Collectors.groupingBy(Job::getProcessInstanceId));
        Map<String, Set<String>> deadlineTimers = new HashMap<>();
        newestTask.values().forEach(task -> deadlineTimers.put(task.getId(),
                deadlineTimerIds(task.getProcessDefinitionId(), task.getTaskDefinitionKey())));
        Map<String, String> activityOf = activityOfJobDefinitions(deadlineTimers.values().stream()
                .flatMap(Set::stream).collect(Collectors.toSet()));
        for (String id : running) {
            Task task = newestTask.get(id);
            if (task == null) {
                points.put(id, find(id));
                continue;
            }
            Instant deadline = task.getDueDate() != null ? task.getDueDate().toInstant()
                    : earliest(timers.getOrDefault(id, List.of()), deadlineTimers.get(task.getId()), activityOf);
            List<String> actors = task.getAssignee() != null ? List.of(task.getAssignee()) : candidates.getOrDefault(task.getId(), List.of());
            points.put(id, Optional.of(new WaitingPoint(task.getTaskDefinitionKey(), task.getName(), true, actors,
                    task.getCreateTime().toInstant(), deadline, failing.contains(id), task.getId())));
        }
        return points;
    }

    /**
     * The candidate users, then groups, of unassigned tasks, in one read of the engine's identity links (TaskService
     * reads them one task at a time).
     */
    private Map<String, List<String>> candidates(Collection<Task> open) {
        List<String> unassigned = open.stream().filter(task -> task.getAssignee() == null).map(Task::getId).toList();
        if (unassigned.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> users = new HashMap<>();
        Map<String, List<String>> groups = new HashMap<>();
        jdbc.query("select TASK_ID_, USER_ID_, GROUP_ID_ from " + management.getTableName(IdentityLinkEntity.class)
                + " where TYPE_ = :type and TASK_ID_ in (:tasks)", Map.of("type", IdentityLinkType.CANDIDATE, "tasks", unassigned),
                row -> {
                    String task = row.getString("TASK_ID_");
                    if (row.getString("USER_ID_") != null) {
                        users.computeIfAbsent(task, key -> new ArrayList<>()).add(row.getString("USER_ID_"));
                    }
                    if (row.getString("GROUP_ID_") != null) {
                        groups.computeIfAbsent(task, key -> new ArrayList<>()).add("group " + row.getString("GROUP_ID_"));
                    }
                });
        Map<String, List<String>> actors = new HashMap<>();
        for (String task : unassigned) {
            actors.put(task, Stream.concat(users.getOrDefault(task, List.of()).stream().sorted(),
                    groups.getOrDefault(task, List.of()).stream().sorted()).toList());
        }
        return actors;
    }

    /** The earliest due date among the timers of those boundary events; {@code activityOf}: job definition → activity. */
    private static Instant earliest(List<Job> timers, Set<String> activityIds, Map<String, String> activityOf) {
        return timers.stream().filter(job -> activityIds.contains(activityOf.get(job.getJobDefinitionId()))).map(Job::getDuedate)
                .filter(Objects::nonNull).map(Date::toInstant).min(Comparator.naturalOrder()).orElse(null);
    }

    /** A job names its activity by its job definition: the definitions of those activities, in one query. */
    private Map<String, String> activityOfJobDefinitions(Set<String> activityIds) {
        return activityIds.isEmpty() ? Map.of()
                : management.createJobDefinitionQuery().activityIdIn(activityIds.toArray(String[]::new)).list().stream()
                        .collect(Collectors.toMap(JobDefinition::getId, JobDefinition::getActivityId));
    }

    private Optional<WaitingPoint> find(String requestId) {
        List<String> instances = instanceTree(requestId);
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        boolean incident = instances.stream().anyMatch(instance -> runtime.createIncidentQuery().processInstanceId(instance).count() > 0);
        List<Task> open = tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list();
        if (!open.isEmpty()) {
            Task task = open.stream().max(Comparator.comparing(Task::getCreateTime)).orElseThrow();
            Instant deadline = task.getDueDate() != null ? task.getDueDate().toInstant()
                    : deadlineTimer(task.getProcessInstanceId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey());
            return Optional.of(new WaitingPoint(task.getTaskDefinitionKey(), task.getName(), true, whoActsOn(task),
                    task.getCreateTime().toInstant(), deadline, incident, task.getId()));
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

    /** The assignee; else the candidate users, then the candidate groups ("group api-specialists"). */
    private List<String> whoActsOn(Task task) {
        if (task.getAssignee() != null) {
            return List.of(task.getAssignee());
        }
        List<IdentityLink> candidates = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        return Stream.concat(
                candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).sorted(),
                candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().map(group -> "group " + group))
                .toList();
    }

    /**
     * The due date of the interrupting timer on the step (the one that closes the request when nobody acts); not the
     * reminders, which leave the step waiting.
     */
    private Instant deadlineTimer(String instanceId, String definitionId, String activityId) {
        Set<String> timerIds = deadlineTimerIds(definitionId, activityId);
        return timerIds.isEmpty() ? null
                : earliest(management.createJobQuery().processInstanceId(instanceId).timers().list(), timerIds,
                        activityOfJobDefinitions(timerIds));
    }

    /** The interrupting timer boundary events on the step (the engine caches the model). */
    private Set<String> deadlineTimerIds(String definitionId, String activityId) {
        Collection<BoundaryEvent> boundaries = repository.getBpmnModelInstance(definitionId).getModelElementsByType(BoundaryEvent.class);
        return boundaries.stream()
                .filter(boundary -> boundary.cancelActivity() && boundary.getAttachedTo() != null
                        && boundary.getAttachedTo().getId().equals(activityId)
                        && boundary.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
                .map(BoundaryEvent::getId)
                .collect(Collectors.toSet());
    }

    /**
     * No person's turn: the engine is working on the step (a job waiting for the job executor or for a retry) or
     * waiting for an event. Names the innermost activity; its start, or the job's creation, is the "since".
     */
    private WaitingPoint systemStep(String instanceId, boolean incident) {
        ActivityInstance root = runtime.getActivityInstance(instanceId);
        Optional<TransitionInstance> queued = transitions(root).findFirst();
        String definitionId = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getProcessDefinitionId();
        if (queued.isPresent()) {
            String activityId = queued.get().getActivityId();
            Job job = management.createJobQuery().executionId(queued.get().getExecutionId()).list().stream().findFirst().orElse(null);
            return new WaitingPoint(activityId, name(queued.get().getActivityName(), activityId), false, List.of(),
                    job == null ? null : job.getCreateTime().toInstant(), deadlineTimer(instanceId, definitionId, activityId), incident,
                    null);
        }
        ActivityInstance leaf = innermost(root);
        HistoricActivityInstance started = history.createHistoricActivityInstanceQuery().activityInstanceId(leaf.getId()).singleResult();
        return new WaitingPoint(leaf.getActivityId(), name(leaf.getActivityName(), leaf.getActivityId()), false, List.of(),
                started == null ? null : started.getStartTime().toInstant(), deadlineTimer(instanceId, definitionId, leaf.getActivityId()),
                incident, null);
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
