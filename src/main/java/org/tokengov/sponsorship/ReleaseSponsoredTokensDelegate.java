package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The external has a sponsor again: the tokens this process held work again. */
@Component("releaseSponsoredTokensDelegate")
class ReleaseSponsoredTokensDelegate implements JavaDelegate {

    private final SponsoredTokens tokens;

    ReleaseSponsoredTokensDelegate(SponsoredTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tokens.release(text(execution, EXTERNAL), list(text(execution, HELD_TOKEN_IDS)), text(execution, NEW_SPONSOR));
    }
}
