package org.tokengov.requestbutton;

import static org.tokengov.requestbutton.RequestButtonVariables.TOKEN_REQUEST_ID;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.request.TokenRequestVariables;
import org.tokengov.usertask.FormValues;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.PersonalTaskListener;
import org.tokengov.usertask.TaskCandidates;

/**
 * {@code Task_CompleteTokenRequest}: only the REDCap user who pressed the button (the taken row's requester) works on
 * it. The survey shows the project of the to-do row (production project for a PROD row, QA project for a QA row; the
 * other one the requester fills in, as this system knows no pairing of projects) and must keep it. Completing it
 * starts {@code TokenRequestProcess} in the same transaction, as the person who completed it: the engine checks the
 * submitted fields against the {@code token-request} form and the person's permission to start requests, and the
 * request's start listener validates the survey and files it in the ledger in their name, exactly as for a start from
 * Tasklist. Only the start form's fields are passed on.
 */
@Component("completeTokenRequestListener")
class CompleteTokenRequestListener extends PersonalTaskListener {

    private final TakenRows rows;
    private final AuditTrail auditTrail;

    CompleteTokenRequestListener(FourEyes fourEyes, TaskCandidates candidates, TakenRows rows, AuditTrail auditTrail) {
        super(fourEyes, candidates);
        this.rows = rows;
        this.auditTrail = auditTrail;
    }

    @Override
    protected String name(DelegateTask task) {
        return "Request an API token for REDCap " + fact(task, RequestButtonVariables.ENVIRONMENT) + " project "
                + fact(task, RequestButtonVariables.PROJECT_ID) + " (REDCap's request button)";
    }

    @Override
    protected void created(DelegateTask task) {
        TakenRow row = row(task);
        // On the process, not the task: whether the survey comes back by complete or submit-form, its value replaces this.
        task.getExecution().setVariable(projectField(row), Variables.longValue(row.projectId()));
    }

    @Override
    protected String person(DelegateTask task) {
        return row(task).requester();
    }

    @Override
    protected String role() {
        return "who pressed REDCap's request button";
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return new AuditRef(row(task).tokenRequestId(), null);
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        TakenRow row = row(task);
        Long submitted = FormValues.asLong(submitted(task, projectField(row)));
        if (submitted == null || submitted != row.projectId()) {
            return List.of("You pressed the request button on REDCap " + row.environment() + " project "
                    + row.projectId()
                    + ": this request is for that project, so keep " + row.projectId() + " as its "
                    + (row.environment() == RedcapEnvironment.PROD ? "production" : "QA") + " project id.");
        }
        return List.of();
    }

    @Override
    protected void completed(DelegateTask task, String requester) {
        Map<String, Object> survey = new HashMap<>();
        for (String field : TokenRequestVariables.SUBMITTED) {
            survey.put(field, submitted(task, field));
        }
        // Nested in the completion's command: the start runs as the authenticated person completing this task.
        ProcessInstance request = task.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(TokenRequestVariables.PROCESS, survey);
        rows.answered(task.getProcessInstanceId(), request.getId());
        task.getExecution().setVariable(TOKEN_REQUEST_ID, Variables.stringValue(request.getId()));
        TakenRow row = row(task);
        auditTrail.record(requester, AuditAction.REQUEST_BUTTON_ANSWERED, request.getId(), null,
                row.environment() + " to-do " + row.todoRequestId() + " answered: token request submitted for project "
                        + row.projectId());
    }

    private TakenRow row(DelegateTask task) {
        return rows.ofProcess(task.getProcessInstanceId()).orElseThrow(() -> new IllegalStateException(
                "No to-do row was taken in for process " + task.getProcessInstanceId()));
    }

    private static Object submitted(DelegateTask task, String field) {
        return task.getVariable(field);
    }

    private static String projectField(TakenRow row) {
        return row.environment() == RedcapEnvironment.PROD ? TokenRequestVariables.PRODUCTION_PROJECT_ID
                : TokenRequestVariables.QA_PROJECT_ID;
    }
}
