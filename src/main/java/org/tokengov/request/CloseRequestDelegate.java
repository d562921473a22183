package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequests;

/**
 * Ends a request with the outcome and reason given by the step's input parameters
 * ({@code requestOutcome}, {@code outcomeReason}): registry, audit trail, and a message to the requester.
 * A request closed because nobody acted is also reported to the REDCap administrators.
 */
@Component("closeRequestDelegate")
class CloseRequestDelegate implements JavaDelegate {

    static final String ADMINS_GROUP = "redcap-admins";

    private final TokenRequests requests;
    private final AuditTrail auditTrail;
    private final Notifier notifier;

    CloseRequestDelegate(TokenRequests requests, AuditTrail auditTrail, Notifier notifier) {
        this.requests = requests;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestStatus outcome = RequestStatus.valueOf(text(execution, REQUEST_OUTCOME));
        String reason = text(execution, OUTCOME_REASON);
        String requestId = execution.getProcessInstanceId();
        requests.changeStatus(requestId, outcome, reason);
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REQUEST_CLOSED, requestId, null, outcome + ": " + reason);
        long project = productionProjectId(execution);
        String subject = RequestClosingMessages.subject(outcome, project);
        notifier.send(Notification.toUser(requester(execution), subject, RequestClosingMessages.body(outcome, reason)));
        if (outcome == RequestStatus.TIMED_OUT) {
            notifier.send(Notification.toGroup(ADMINS_GROUP, "Escalation: " + subject,
                    "The API token request " + requestId + " of " + requester(execution) + " was closed because "
                            + "nobody completed its step in time. Check the review and approval queues."));
        }
    }
}
