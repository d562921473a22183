package org.tokengov.usertask;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;

/**
 * Offers a task only to the people who may act on it: the active members of its group except those excluded (the
 * requester, earlier reviewers), as candidate users, so Tasklist never shows it to them. Camunda has no "all of a group
 * but" candidacy, so such tasks name no candidate group in their diagram; membership is read from the identity store
 * when the task is created (the tasks are asynchronous, so an identity store outage becomes retries, never a failed
 * form) and again at each reminder (a candidate group left from an earlier version of the diagram is removed then).
 */
@Service
public class TaskCandidates {

    private final PeopleDirectory people;

    public TaskCandidates(PeopleDirectory people) {
        this.people = people;
    }

    /** Replaces the task's candidates with the group's active members minus those excluded; returns who is offered it. */
    public Set<String> offer(DelegateTask task, String group, Exclusions excluded) {
        Set<String> offered = new LinkedHashSet<>(members(group));
        offered.removeAll(excluded.people());
        return offerTo(task, offered);
    }

    /** Replaces the task's candidates with exactly these people (named by the app's records, e.g. REDCap's PIs). */
    public Set<String> offerTo(DelegateTask task, Set<String> offered) {
        for (IdentityLink link : List.copyOf(task.getCandidates())) {
            if (link.getGroupId() != null) {
                task.deleteCandidateGroup(link.getGroupId());
            } else if (!offered.contains(link.getUserId())) {
                task.deleteCandidateUser(link.getUserId());
            }
        }
        task.addCandidateUsers(offered);
        return offered;
    }

    /** Everyone the task is offered to, directly or through a group. */
    public Set<String> offeredTo(DelegateTask task) {
        Set<String> candidates = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    candidates.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    candidates.addAll(members(link.getGroupId()));
                }
            }
        }
        return candidates;
    }

    /** The group's active members, as the identity store (Camunda's own, or Keycloak) has them now. */
    private List<String> members(String group) {
        return people.membersOf(group).stream().map(Person::username).toList();
    }
}
