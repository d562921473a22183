package org.tokengov.testsupport;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.tokengov.identity.CamundaIdentityDirectory;
import org.tokengov.usertask.TaskCandidates;

/**
 * The demo people and their groups in a BPMN unit test's in-memory identity store, so that reviews and approvals are
 * offered to the right members: sam reviews, ada approves, rita does all three (and is stopped by four eyes).
 */
public final class TestPeople {

    private static final Map<String, List<String>> GROUPS = Map.of(
            "alice", List.of("api-requesters"),
            "bob", List.of("api-requesters"),
            "erin", List.of("api-requesters"),
            "pat", List.of("project-pis"),
            "sam", List.of("api-specialists"),
            "ada", List.of("redcap-admins", "camunda-admin"),
            "rita", List.of("api-requesters", "api-specialists", "redcap-admins"));

    private TestPeople() {
    }

    public static void create(IdentityService identity) {
        remove(identity);
        GROUPS.values().stream().flatMap(List::stream).distinct().forEach(group -> identity.saveGroup(identity.newGroup(group)));
        GROUPS.forEach((username, groups) -> {
            User user = identity.newUser(username);
            identity.saveUser(user);
            groups.forEach(group -> identity.createMembership(username, group));
        });
    }

    /** Offers tasks to the members of these groups, as the app does with its identity store. */
    public static TaskCandidates candidates(IdentityService identity, ManagementService management) {
        return new TaskCandidates(new CamundaIdentityDirectory(identity, management));
    }

    public static void remove(IdentityService identity) {
        GROUPS.keySet().forEach(identity::deleteUser);
        GROUPS.values().stream().flatMap(List::stream).distinct().forEach(identity::deleteGroup);
    }
}
