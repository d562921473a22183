package org.tokengov.usertask;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

/**
 * Offers a task only to the people who may act on it: the members of its group except those excluded (the requester,
 * earlier reviewers), as candidate users, so Tasklist never shows it to them. Camunda has no "all of a group but"
 * candidacy, so such tasks name no candidate group in their diagram; membership is read when the task is created and
 * again at each reminder (a candidate group left from an earlier version of the diagram is removed then).
 */
@Service
public class TaskCandidates {

    /** Replaces the task's candidates with the group's members minus those excluded; returns who is offered it. */
    public Set<String> offer(DelegateTask task, String group, Exclusions excluded) {
        Set<String> people = new LinkedHashSet<>(members(task, group));
        people.removeAll(excluded.people());
        for (IdentityLink link : List.copyOf(task.getCandidates())) {
            if (link.getGroupId() != null) {
                task.deleteCandidateGroup(link.getGroupId());
            } else if (!people.contains(link.getUserId())) {
                task.deleteCandidateUser(link.getUserId());
            }
        }
        task.addCandidateUsers(people);
        return people;
    }

    /** Everyone the task is offered to, directly or through a group. */
    public Set<String> offeredTo(DelegateTask task) {
        Set<String> people = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    people.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    people.addAll(members(task, link.getGroupId()));
                }
            }
        }
        return people;
    }

    private static List<String> members(DelegateTask task, String group) {
        // Membership is the system's knowledge, not limited by what the acting user may read.
        CommandContext commandContext = Context.getCommandContext();
        return commandContext.runWithoutAuthorization(() -> task.getProcessEngineServices().getIdentityService()
                .createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList());
    }
}
