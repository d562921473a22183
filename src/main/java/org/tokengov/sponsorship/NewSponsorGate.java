package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Service;
import org.tokengov.issuance.IssuanceRefusals;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;

/**
 * Before the new sponsor is written to the identity store and the held tokens work again: the ledger must show that
 * someone other than the external named them, and they must still be an active internal person. Otherwise nothing
 * changes: refused like any issuance, and the diagram takes its modelled error.
 */
@Service
class NewSponsorGate {

    private final Ledger ledger;
    private final NewSponsorRule rule;
    private final IssuanceRefusals refusals;

    NewSponsorGate(Ledger ledger, NewSponsorRule rule, IssuanceRefusals refusals) {
        this.ledger = ledger;
        this.rule = rule;
        this.refusals = refusals;
    }

    /** The new sponsor the ledger names for this replacement, checked again now. */
    NamedSponsor require(DelegateExecution execution) {
        String key = SponsorReplacements.key(execution);
        String external = SponsorReplacements.external(execution);
        Optional<LedgerEntry> named = ledger.entries(CaseRef.sponsorReplacement(key)).stream()
                .filter(entry -> entry.kind() == LedgerKind.NEW_SPONSOR_NAMED).reduce((first, second) -> second);
        String missing = null;
        if (named.isEmpty() || named.get().actor().equalsIgnoreCase(external)) {
            missing = "nobody entitled named a new sponsor for " + external;
        } else {
            try {
                rule.check(named.get().subject(), external, text(execution, DEPARTED_SPONSOR));
            } catch (FormFieldValidationException noLonger) {
                missing = noLonger.getMessage();
            }
        }
        if (missing != null) {
            refusals.refuse(CaseRef.sponsorReplacement(key), null, null, "releasing the held tokens of " + external,
                    external, missing);
            throw new BpmnError(IssuanceRefusals.ERROR_CODE, missing);
        }
        return new NamedSponsor(external, named.get().subject(), named.get().actor());
    }

    record NamedSponsor(String external, String sponsor, String namedBy) {
    }
}
