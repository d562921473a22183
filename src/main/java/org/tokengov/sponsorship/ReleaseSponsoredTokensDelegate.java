package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;

/** {@code Task_ReleaseSponsoredTokens}: the external has a sponsor again (on the ledger): the held tokens work again. */
@Component("releaseSponsoredTokensDelegate")
class ReleaseSponsoredTokensDelegate implements JavaDelegate {

    private final NewSponsorGate gate;
    private final SponsoredTokens tokens;
    private final Ledger ledger;

    ReleaseSponsoredTokensDelegate(NewSponsorGate gate, SponsoredTokens tokens, Ledger ledger) {
        this.gate = gate;
        this.tokens = tokens;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NewSponsorGate.NamedSponsor named = gate.require(execution);
        tokens.release(named.external(), list(text(execution, HELD_TOKEN_IDS)), named.sponsor());
        ledger.record(CaseRef.sponsorReplacement(SponsorReplacements.key(execution)), LedgerKind.SPONSORED_TOKENS_RELEASED,
                null, AuditTrail.SYSTEM_ACTOR, named.sponsor(), null);
    }
}
