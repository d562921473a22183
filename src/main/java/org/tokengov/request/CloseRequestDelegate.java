package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.ContractGroups;
import org.tokengov.notification.MailKind;
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
        notifier.send(switch (outcome) {
            case APPROVED -> Notification.toUser(requester(execution), MailKind.PRODUCTION_TOKEN_READY,
                    Map.of("project", project));
            case INELIGIBLE -> toRequester(execution, MailKind.REQUEST_INELIGIBLE, project, reason);
            case REJECTED -> toRequester(execution, MailKind.REQUEST_REJECTED, project, reason);
            case TIMED_OUT -> toRequester(execution, MailKind.REQUEST_TIMED_OUT, project, reason);
            case SUBMITTED -> throw new IllegalArgumentException("A request is not closed as SUBMITTED");
        });
        if (outcome == RequestStatus.TIMED_OUT) {
            notifier.send(Notification.toGroup(ContractGroups.ADMINS, MailKind.REQUEST_TIMED_OUT_TO_ADMINS,
                    Map.of("project", project, "requestId", requestId, "requester", requester(execution))));
        }
    }

    private static Notification toRequester(DelegateExecution execution, MailKind kind, long project, String reason) {
        return Notification.toUser(requester(execution), kind,
                Map.of("project", project, "reason", reason == null ? "" : reason));
    }
}
