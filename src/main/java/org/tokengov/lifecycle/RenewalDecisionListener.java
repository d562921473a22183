package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;
import org.springframework.context.ApplicationEventPublisher;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;

/**
 * The renewal survey's rules, checked by the engine (a REST caller can skip the form), then the holder's answer on
 * the audit trail. Keeping the token needs a renewed attestation; a changed usage needs a word on what changed.
 */
@Component("renewalDecisionListener")
class RenewalDecisionListener implements TaskListener {

    static final int COMMENTS_MAX = 4000;

    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;

    RenewalDecisionListener(AuditTrail auditTrail, ApplicationEventPublisher events) {
        this.auditTrail = auditTrail;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean stillNeeded = Boolean.TRUE.equals(task.getVariable(STILL_NEEDED));
        String comments = text(task, RENEWAL_COMMENTS);
        List<String> problems = new ArrayList<>();
        if (!(task.getVariable(STILL_NEEDED) instanceof Boolean)) {
            problems.add("Say whether you still need the token.");
        }
        if (stillNeeded && !Boolean.TRUE.equals(task.getVariable(FAIR_USE_REATTESTED))) {
            problems.add("Keeping the token needs your renewed acceptance of the REDCap API Fair Use Policy.");
        }
        if (stillNeeded && !Boolean.TRUE.equals(task.getVariable(USAGE_UNCHANGED)) && (comments == null || comments.isBlank())) {
            problems.add("Describe how your use of the API has changed.");
        }
        if (comments != null && comments.length() > COMMENTS_MAX) {
            problems.add("Comments must be at most " + COMMENTS_MAX + " characters.");
        }
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException("token-renewal", "Cannot complete the renewal: " + String.join(" ", problems));
        }
        if (stillNeeded) {
            events.publishEvent(new RenewalConfirmed(task.getAssignee(), text(task, REQUEST_ID), text(task, TOKEN_ID)));
        }
        auditTrail.record(task.getAssignee(), AuditAction.RENEWAL_DECIDED, text(task, REQUEST_ID), text(task, TOKEN_ID),
                (stillNeeded ? "still needed" + (Boolean.TRUE.equals(task.getVariable(USAGE_UNCHANGED)) ? ", usage unchanged"
                        : ", usage changed") + ", policy re-attested" : "no longer needed")
                        + (comments == null || comments.isBlank() ? "" : ": " + comments));
    }
}
