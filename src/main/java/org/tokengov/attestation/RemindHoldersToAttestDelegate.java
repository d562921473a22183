package org.tokengov.attestation;

import static org.tokengov.attestation.PolicyAttestationVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the campaign's holders who have not attested yet, each with the link to their attestation task. */
@Component("remindHoldersToAttestDelegate")
class RemindHoldersToAttestDelegate implements JavaDelegate {

    static final String ATTEST_TASK = "Task_AttestPolicy";

    private final AttestationCampaigns campaigns;

    RemindHoldersToAttestDelegate(AttestationCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.remind(holders(execution), campaignStartedAt(execution).toInstant(), execution.getProcessInstanceId(),
                openTasks(execution));
    }

    /** The campaign's open attestation tasks by holder; the reminder runs as a job, with nobody's authorizations. */
    private static Map<String, String> openTasks(DelegateExecution execution) {
        Map<String, String> byHolder = new HashMap<>();
        execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(ATTEST_TASK).list()
                .forEach(task -> byHolder.putIfAbsent(task.getAssignee(), task.getId()));
        return byHolder;
    }
}
