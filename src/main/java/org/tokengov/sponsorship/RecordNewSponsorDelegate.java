package org.tokengov.sponsorship;

import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the validated new sponsor into the identity store. */
@Component("recordNewSponsorDelegate")
class RecordNewSponsorDelegate implements JavaDelegate {

    private final SponsorAssignments assignments;

    RecordNewSponsorDelegate(SponsorAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assignments.assign(text(execution, EXTERNAL), text(execution, DEPARTED_SPONSOR), text(execution, NEW_SPONSOR),
                text(execution, NEW_SPONSOR_NAMED_BY));
    }
}
