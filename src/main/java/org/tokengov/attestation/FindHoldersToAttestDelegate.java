package org.tokengov.attestation;

import static org.tokengov.attestation.PolicyAttestationVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts a campaign: the holders who must attest, told, in {@code holdersToAttest}. */
@Component("findHoldersToAttestDelegate")
class FindHoldersToAttestDelegate implements JavaDelegate {

    private final AttestationCampaigns campaigns;

    FindHoldersToAttestDelegate(AttestationCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CAMPAIGN_STARTED_AT, Variables.dateValue(new Date(ClockUtil.getCurrentTime().getTime())));
        execution.setVariable(HOLDERS_TO_ATTEST,
                Variables.stringValue(String.join(",", campaigns.start(execution.getProcessInstanceId()))));
    }
}
