package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Puts the external's tokens on hold and names the PIs who may choose the new sponsor. */
@Component("holdSponsoredTokensDelegate")
class HoldSponsoredTokensDelegate implements JavaDelegate {

    private final SponsoredTokens tokens;

    HoldSponsoredTokensDelegate(SponsoredTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HeldTokens held = tokens.hold(text(execution, EXTERNAL), text(execution, DEPARTED_SPONSOR));
        execution.setVariable(HELD_TOKEN_IDS, Variables.stringValue(String.join(",", held.tokenIds())));
        execution.setVariable(TOKEN_PROJECTS, Variables.stringValue(held.projects()));
        execution.setVariable(SPONSOR_CANDIDATES, Variables.stringValue(String.join(",", held.pis())));
    }
}
