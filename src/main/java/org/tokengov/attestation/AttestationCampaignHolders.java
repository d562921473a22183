package org.tokengov.attestation;

import java.util.List;
import org.springframework.stereotype.Component;

/** The multi-instance collection of {@code Task_AttestPolicy}: the campaign's holders as a list. */
@Component("attestationCampaignHolders")
public class AttestationCampaignHolders {

    public List<String> of(String holdersToAttest) {
        return PolicyAttestationVariables.holders(holdersToAttest);
    }
}
