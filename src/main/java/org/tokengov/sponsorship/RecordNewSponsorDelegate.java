package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordNewSponsor}: writes the new sponsor the ledger names into the identity store. */
@Component("recordNewSponsorDelegate")
class RecordNewSponsorDelegate implements JavaDelegate {

    private final NewSponsorGate gate;
    private final SponsorAssignments assignments;

    RecordNewSponsorDelegate(NewSponsorGate gate, SponsorAssignments assignments) {
        this.gate = gate;
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NewSponsorGate.NamedSponsor named = gate.require(execution);
        assignments.assign(named.external(), text(execution, DEPARTED_SPONSOR), named.sponsor(), named.namedBy());
    }
}
