package org.tokengov.attestation;

import static org.tokengov.attestation.PolicyAttestationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline passed: every live token of each holder who did not attest is revoked (ATTESTATION_FAILED). */
@Component("revokeUnattestedTokensDelegate")
class RevokeUnattestedTokensDelegate implements JavaDelegate {

    private final AttestationCampaigns campaigns;

    RevokeUnattestedTokensDelegate(AttestationCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.revokeUnattested(holders(execution), campaignStartedAt(execution).toInstant(),
                execution.getProcessInstanceId());
    }
}
