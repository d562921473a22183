package org.tokengov.attestation;

import static org.tokengov.attestation.PolicyAttestationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AttestPolicy}: on create, lists the holder's live tokens for the form; on complete, the engine checks
 * the confirmation (a REST caller can skip the form) and records the attestation.
 */
@Component("attestationTaskListener")
class AttestationTaskListener implements TaskListener {

    private final AttestationCampaigns campaigns;
    private final PolicyAttestations attestations;

    AttestationTaskListener(AttestationCampaigns campaigns, PolicyAttestations attestations) {
        this.campaigns = campaigns;
        this.attestations = attestations;
    }

    @Override
    public void notify(DelegateTask task) {
        String holder = (String) task.getVariable(HOLDER);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(LIVE_TOKENS, Variables.stringValue(campaigns.liveTokensText(holder)));
            task.setVariableLocal("policySentences", Variables.stringValue(AttestationCampaigns.POLICY_SENTENCES));
            return;
        }
        if (!Boolean.TRUE.equals(task.getVariable(POLICY_ATTESTED))) {
            throw new FormFieldValidationException("policy-attestation",
                    "Cannot complete the attestation: confirm that you have read and follow the REDCap API Fair Use Policy.");
        }
        attestations.recordAttestation(holder, task.getProcessInstanceId());
    }
}
