package org.tokengov.request;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/** Refuses to complete a pipeline task with invalid values; the completion is rolled back (REST: 400). */
@Component("validateTaskFormListener")
class ValidateTaskFormListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = TaskForms.problems(task);
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(task.getTaskDefinitionKey(),
                    "Cannot complete '" + task.getName() + "': " + String.join(" ", problems));
        }
    }
}
