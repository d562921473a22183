package org.tokengov.issuance;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/** The manual creation task completes only with the administrator's explicit confirmation. */
@Component("confirmTokenCreatedListener")
class ConfirmTokenCreatedListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(TokenIssuanceVariables.TOKEN_CREATED_CONFIRMED))) {
            throw new FormFieldValidationException(TokenIssuanceVariables.TOKEN_CREATED_CONFIRMED,
                    "Confirm that you created the token with exactly the approved rights.");
        }
    }
}
