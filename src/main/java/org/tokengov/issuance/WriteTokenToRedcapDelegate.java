package org.tokengov.issuance;

import static org.tokengov.issuance.TokenIssuanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.redcap.TokenFingerprint;

/** Database mode: creates the token in REDCap's schema with the approved rights; keeps only its fingerprint. */
@Component("writeTokenToRedcapDelegate")
class WriteTokenToRedcapDelegate implements JavaDelegate {

    private final TokenAdministration administration;

    WriteTokenToRedcapDelegate(TokenAdministration administration) {
        this.administration = administration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TokenFingerprint fingerprint = administration.create(environment(execution), projectId(execution),
                holder(execution), rights(execution), AuditTrail.SYSTEM_ACTOR);
        execution.setVariable(TOKEN_FINGERPRINT, fingerprint.sha256Hex());
    }
}
