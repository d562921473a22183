package org.tokengov.engineaccess;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** What the access checks need to know about a step: who holds it, who may work on it, whether a process owns it. */
record TaskFacts(String assignee, String owner, String processInstanceId, List<String> candidateUsers,
        List<String> candidateGroups) {

    static Optional<TaskFacts> of(ProcessEngineConfigurationImpl engine, String taskId) {
        return Optional.ofNullable(EngineReads.read(engine, context -> {
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return null;
            }
            List<IdentityLinkEntity> candidates = task.getIdentityLinks().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
            return new TaskFacts(task.getAssignee(), task.getOwner(), task.getProcessInstanceId(),
                    candidates.stream().map(IdentityLinkEntity::getUserId).filter(Objects::nonNull).toList(),
                    candidates.stream().map(IdentityLinkEntity::getGroupId).filter(Objects::nonNull).toList());
        }));
    }

    boolean isAssignedTo(String userId) {
        return userId != null && userId.equals(assignee);
    }

    boolean partOfProcess() {
        return processInstanceId != null;
    }

    /** The assignee, the owner, a candidate user, or a member of a candidate group. */
    boolean mayBeWorkedOnBy(String userId, Collection<String> groupIds) {
        return isAssignedTo(userId) || (userId != null && userId.equals(owner)) || candidateUsers.contains(userId)
                || groupIds != null && groupIds.stream().anyMatch(candidateGroups::contains);
    }
}
