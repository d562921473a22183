package org.tokengov.request;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Refuses a token request with invalid values before anything is stored: the exception rolls back the
 * start, and Camunda's REST API answers 400 with the messages.
 */
@Component("validateTokenRequestListener")
class ValidateTokenRequestListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = TokenRequestForm.problems(execution);
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException("token-request", "Invalid token request: " + String.join(" ", problems));
        }
        TokenRequestForm.normalize(execution);
    }
}
