package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline passed without a new sponsor: every live token of the external is revoked (SPONSOR_LEFT). */
@Component("revokeSponsoredTokensDelegate")
class RevokeSponsoredTokensDelegate implements JavaDelegate {

    private final SponsoredTokens tokens;

    RevokeSponsoredTokensDelegate(SponsoredTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tokens.revoke(text(execution, EXTERNAL));
    }
}
