package org.tokengov.attestation;

import static org.tokengov.attestation.PolicyAttestationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the campaign's holders who have not attested yet. */
@Component("remindHoldersToAttestDelegate")
class RemindHoldersToAttestDelegate implements JavaDelegate {

    private final AttestationCampaigns campaigns;

    RemindHoldersToAttestDelegate(AttestationCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.remind(holders(execution), campaignStartedAt(execution).toInstant(), execution.getProcessInstanceId());
    }
}
