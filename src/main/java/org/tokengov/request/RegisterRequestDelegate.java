package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.CODE_COMMIT;
import static org.tokengov.request.TokenRequestVariables.CODE_REPOSITORY_URL;
import static org.tokengov.request.TokenRequestVariables.REQUEST_NUMBER;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
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
 * filed it, with the number it was filed under (also a process variable, for Tasklist's task names). A request that reached this step without being submitted through the form (a start at a later step) has
 * nothing in the ledger: it is refused at eligibility. If a PI named the requester successor on the production project
 * (an unused naming in the app's records), the request takes that naming: the QA test form comes prefilled with the
 * predecessor's reviewed repository and commit, which the successor must test unchanged.
 */
@Component("registerRequestDelegate")
class RegisterRequestDelegate implements JavaDelegate {

    private final TokenRequests requests;
    private final AuditTrail auditTrail;
    private final Notifier notifier;
    private final Successions successions;

    RegisterRequestDelegate(TokenRequests requests, AuditTrail auditTrail, Notifier notifier, Successions successions) {
        this.requests = requests;
        this.auditTrail = auditTrail;
        this.notifier = notifier;
        this.successions = successions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.find(execution.getProcessInstanceId()).ifPresent(request -> {
            auditTrail.record(request.requester(), AuditAction.REQUEST_SUBMITTED, request.id(), null,
                    "production project " + request.productionProjectId() + ", QA project " + request.qaProjectId()
                            + ", intended use " + request.intendedUse());
            // Only for display (Tasklist's task names); nothing reads it back.
            execution.setVariable(REQUEST_NUMBER, Variables.stringValue(request.number()));
            notifier.send(Notification.toUser(request.requester(), MailKind.REQUEST_RECEIVED, receipt(request))
                    .aboutRequest(request.number()));
            successions.claim(request.requester(), request.productionProjectId(), request.id())
                    .ifPresent(succession -> takeOver(execution, succession));
        });
    }

    private void takeOver(DelegateExecution execution, Succession succession) {
        auditTrail.record(succession.successor(), AuditAction.SUCCESSOR_REQUESTED, execution.getProcessInstanceId(), null,
                "successor of " + succession.predecessor() + " (token " + succession.predecessorTokenId()
                        + "), reviewed code " + succession.codeRepositoryUrl() + " commit " + succession.codeCommit());
        // Only a prefill for the form: the QA test is checked against the naming, not against these.
        execution.setVariable(CODE_REPOSITORY_URL, Variables.stringValue(succession.codeRepositoryUrl()));
        execution.setVariable(CODE_COMMIT, Variables.stringValue(succession.codeCommit()));
    }

    private static Map<String, Object> receipt(TokenRequestRecord request) {
        return Map.of("number", request.number(), "project", request.productionProjectId(), "qaProject", request.qaProjectId(),
                "intendedUse", request.intendedUse(), "usageDescription", request.usageDescription(),
                "callSchedule", request.callSchedule(), "callsPerDay", request.expectedCallsPerDay());
    }
}
