package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.registry.NewTokenRequest;
import org.tokengov.registry.TokenRequests;

/**
 * Registers the submitted survey in the registry and on the audit trail, in the start's own transaction, and confirms
 * to the requester what was received.
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
        String requestId = execution.getProcessInstanceId();
        requests.register(new NewTokenRequest(requestId, requester(execution), productionProjectId(execution),
                qaProjectId(execution), Boolean.TRUE.equals(execution.getVariable(RIGHT_EXPORT)),
                Boolean.TRUE.equals(execution.getVariable(RIGHT_IMPORT)),
                Boolean.TRUE.equals(execution.getVariable(RIGHT_MOBILE_APP)), text(execution, INTENDED_USE),
                text(execution, USAGE_DESCRIPTION), text(execution, CALL_SCHEDULE),
                ((Number) execution.getVariable(EXPECTED_CALLS_PER_DAY)).longValue()));
        auditTrail.record(requester(execution), AuditAction.REQUEST_SUBMITTED, requestId, null,
                "production project " + productionProjectId(execution) + ", QA project " + qaProjectId(execution)
                        + ", intended use " + text(execution, INTENDED_USE));
        notifier.send(Notification.toUser(requester(execution), MailKind.REQUEST_RECEIVED, Map.of(
                "project", productionProjectId(execution), "qaProject", qaProjectId(execution),
                "intendedUse", text(execution, INTENDED_USE), "usageDescription", text(execution, USAGE_DESCRIPTION),
                "callSchedule", text(execution, CALL_SCHEDULE),
                "callsPerDay", ((Number) execution.getVariable(EXPECTED_CALLS_PER_DAY)).longValue())));
    }
}
