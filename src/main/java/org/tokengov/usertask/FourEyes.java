package org.tokengov.usertask;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;

/**
 * Refuses a person who may not act on a task (claim, assignment, candidacy, completion), with a sentence that says
 * why. A refusal is audited in its own transaction, so the record survives the roll-back of the attempt.
 */
@Service
public class FourEyes {

    private static final Logger log = LoggerFactory.getLogger(FourEyes.class);

    private final AuditTrail auditTrail;

    public FourEyes(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    public void refuseIfExcluded(DelegateTask task, String person, Exclusions excluded, AuditRef about) {
        excluded.reasonFor(person).ifPresent(reason ->
                refuse(task, person, person + " may not act on '" + task.getName() + "': " + reason + ".", about));
    }

    /** Refuses the attempt; the message names the person and the task, never an id. */
    public void refuse(DelegateTask task, String person, String message, AuditRef about) {
        auditTrail.recordIndependently(person, AuditAction.FOUR_EYES_VIOLATION_REFUSED, about.requestId(), about.tokenId(),
                task.getTaskDefinitionKey() + " (" + task.getEventName() + "): " + message);
        log.info("Refused: {}", message);
        throw new FourEyesViolationException(message);
    }

    /** What an audited refusal is about: a request, a token, or both. */
    public record AuditRef(String requestId, String tokenId) {
    }
}
