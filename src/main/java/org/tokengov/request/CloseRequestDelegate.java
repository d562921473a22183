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
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * Ends a request with the outcome and reason given by the step's input parameters ({@code requestOutcome},
 * {@code outcomeReason}): registry, audit trail, and a message to the requester the ledger names. A request closed
 * because nobody acted is also reported to the REDCap administrators. A request the ledger never filed (not submitted
 * through the form) has nobody to tell and nothing to close.
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
        auditTrail.record(AuditTrail.SYSTEM_ACTOR, AuditAction.REQUEST_CLOSED, requestId, null, outcome + ": " + reason);
        requests.find(requestId).ifPresent(request -> close(request, outcome, reason));
    }

    private void close(TokenRequestRecord request, RequestStatus outcome, String reason) {
        requests.changeStatus(request.id(), outcome, reason);
        long project = request.productionProjectId();
        MailKind kind = switch (outcome) {
            case APPROVED -> MailKind.PRODUCTION_TOKEN_READY;
            case INELIGIBLE -> MailKind.REQUEST_INELIGIBLE;
            case REJECTED -> MailKind.REQUEST_REJECTED;
            case TIMED_OUT -> MailKind.REQUEST_TIMED_OUT;
            case REFUSED -> MailKind.REQUEST_REFUSED;
            case SUBMITTED, CLOSED -> throw new IllegalArgumentException("A request is not closed as " + outcome + " here");
        };
        String number = request.number();
        notifier.send(Notification.toUser(request.requester(), kind, kind == MailKind.PRODUCTION_TOKEN_READY
                ? Map.of("number", number, "project", project)
                : Map.of("number", number, "project", project, "reason", reason == null ? "" : reason)).aboutRequest(number));
        if (outcome == RequestStatus.TIMED_OUT) {
            notifier.send(Notification.toGroup(ContractGroups.ADMINS, MailKind.REQUEST_TIMED_OUT_TO_ADMINS,
                    Map.of("number", number, "project", project, "requestId", request.id(), "requester", request.requester()))
                    .aboutRequest(number));
        }
    }
}
