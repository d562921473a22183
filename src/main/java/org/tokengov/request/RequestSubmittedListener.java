package org.tokengov.request;

import static org.tokengov.request.TokenRequestVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.registry.NewTokenRequest;
import org.tokengov.registry.TokenRequests;
import org.tokengov.usertask.FourEyesViolationException;

/**
 * {@code StartEvent_RequestSubmitted}: checks the survey (a REST caller can skip the form) and files it in the request
 * ledger as submitted, in the start's own transaction, in the name of the authenticated user who started it, never of
 * a {@code requester} variable a caller could send. Invalid values roll the start back (REST: 400 with the messages).
 */
@Component("requestSubmittedListener")
class RequestSubmittedListener implements ExecutionListener {

    private final TokenRequests requests;

    RequestSubmittedListener(TokenRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String submitter = Context.getCommandContext().getAuthenticatedUserId();
        if (submitter == null) {
            throw new FourEyesViolationException("A token request must be submitted by a signed-in person.");
        }
        List<String> problems = TokenRequestForm.problems(execution);
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException("token-request", "Invalid token request: " + String.join(" ", problems));
        }
        TokenRequestForm.normalize(execution);
        // Task names and the QA task's assignee show the requester: they show the one the ledger knows.
        execution.setVariable(REQUESTER, Variables.stringValue(submitter));
        requests.register(new NewTokenRequest(execution.getProcessInstanceId(), submitter,
                (Long) execution.getVariable(PRODUCTION_PROJECT_ID), (Long) execution.getVariable(QA_PROJECT_ID),
                (Boolean) execution.getVariable(RIGHT_EXPORT), (Boolean) execution.getVariable(RIGHT_IMPORT),
                (Boolean) execution.getVariable(RIGHT_MOBILE_APP), text(execution, INTENDED_USE),
                text(execution, USAGE_DESCRIPTION), text(execution, CALL_SCHEDULE),
                (Long) execution.getVariable(EXPECTED_CALLS_PER_DAY), (Boolean) execution.getVariable(FAIR_USE_ACCEPTED)));
    }
}
