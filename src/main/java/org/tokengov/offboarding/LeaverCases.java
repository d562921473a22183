package org.tokengov.offboarding;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.request.RequestsOfLeavers;

/**
 * What a person who left leaves behind in Tasklist: their open token requests are closed, and the reviews and
 * approvals they had claimed or were offered go back to their colleagues. (Renewals end with the token lifecycles.)
 */
@Service
class LeaverCases {

    private final RequestsOfLeavers requests;
    private final TaskService tasks;
    private final AuditTrail auditTrail;

    LeaverCases(RequestsOfLeavers requests, TaskService tasks, AuditTrail auditTrail) {
        this.requests = requests;
        this.tasks = tasks;
        this.auditTrail = auditTrail;
    }

    @Transactional
    void close(OffboardingEvent event) {
        String username = event.username();
        List<String> closed = requests.closeOpenRequestsOf(username, username + " left the organisation (offboarding event "
                + event.id() + ")");
        List<String> released = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().taskAssignee(username).list()) {
            if (offeredToOthers(task.getId(), username)) {
                tasks.setAssignee(task.getId(), null);
                released.add(task.getName());
            }
        }
        for (Task task : tasks.createTaskQuery().taskCandidateUser(username).list()) {
            tasks.deleteCandidateUser(task.getId(), username);
            released.add(task.getName());
        }
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.LEAVER_CASES_CLOSED, null, null, username + " left: "
                + closed.size() + " open request(s) closed " + closed + ", " + released.size() + " task(s) released "
                + released);
    }

    private boolean offeredToOthers(String taskId, String username) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getUserId)
                .anyMatch(candidate -> candidate == null || !candidate.equals(username));
    }
}
