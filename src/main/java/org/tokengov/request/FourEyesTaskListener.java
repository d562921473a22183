package org.tokengov.request;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;

/**
 * Four eyes, enforced by the engine on claim (assignment) and completion: nobody reviews, approves or
 * creates a token for their own request, and nobody who reviewed the code gives the release approval.
 * A refused attempt is audited in its own transaction, so the record survives the roll-back.
 */
@Component("fourEyesTaskListener")
public class FourEyesTaskListener implements TaskListener {

    /** Variables naming the person the task is about: the requester (pipeline) or the holder (issuance). */
    private static final String REQUESTER = TokenRequestVariables.REQUESTER;
    private static final String HOLDER = "holder";
    /** Decisions that follow a code review of the same case: release, reinstatement, and a rejected change's fate. */
    private static final Set<String> APPROVALS =
            Set.of("Task_ApproveRelease", "Task_ApproveReinstatement", "Task_DecideOnRejectedChange");

    private final AuditTrail auditTrail;

    public FourEyesTaskListener(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : TaskActor.of(task);
        if (actor == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return; // unclaiming
            }
            refuse(task, null, "'" + task.getName() + "' must be completed by a known user.");
        }
        if (actor.equals(task.getVariable(REQUESTER)) || actor.equals(task.getVariable(HOLDER))) {
            refuse(task, actor, actor + " may not act on '" + task.getName() + "': it concerns their own request.");
        }
        Set<String> reviewers = TokenRequestVariables.codeReviewers(task);
        if (APPROVALS.contains(task.getTaskDefinitionKey()) && reviewers.contains(actor)) {
            refuse(task, actor, actor + " reviewed the code of this case and may not also give its approval.");
        }
    }

    private void refuse(DelegateTask task, String actor, String message) {
        Object requestId = task.getVariable("requestId");
        auditTrail.recordIndependently(actor, AuditAction.FOUR_EYES_VIOLATION_REFUSED,
                requestId == null ? task.getProcessInstanceId() : requestId.toString(), null,
                task.getTaskDefinitionKey() + " (" + task.getEventName() + "): " + message);
        throw new FourEyesViolationException(message);
    }
}
