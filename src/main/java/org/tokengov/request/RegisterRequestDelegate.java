package org.tokengov.request;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;

/**
 * Puts the submitted request on the audit trail and confirms to the requester what was received, as the ledger
 * filed it. A request that reached this step without being submitted through the form (a start at a later step) has
 * nothing in the ledger: it is refused at eligibility.
 */
@Component("registerRequestDelegate")
class RegisterRequestDelegate implements JavaDelegate {

    private final TokenRequests requests;
    private final AuditTrail auditTrail;
    private final Notifier notifier;

    RegisterRequestDelegate(TokenRequests requests, AuditTrail auditTrail, Notifier notifier) {
        this.requests = requests;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.find(execution.getProcessInstanceId()).ifPresent(request -> {
            auditTrail.record(request.requester(), AuditAction.REQUEST_SUBMITTED, request.id(), null,
                    "production project " + request.productionProjectId() + ", QA project " + request.qaProjectId()
                            + ", intended use " + request.intendedUse());
            notifier.send(Notification.toUser(request.requester(), MailKind.REQUEST_RECEIVED, receipt(request)));
        });
    }

    private static Map<String, Object> receipt(TokenRequestRecord request) {
        return Map.of("project", request.productionProjectId(), "qaProject", request.qaProjectId(),
                "intendedUse", request.intendedUse(), "usageDescription", request.usageDescription(),
                "callSchedule", request.callSchedule(), "callsPerDay", request.expectedCallsPerDay());
    }
}
