package org.tokengov.reconciliation;

import org.springframework.stereotype.Component;

/** The reconciliation timer as the BPMN reads it ({@code ${reconciliationSchedule.cycle}}). */
@Component("reconciliationSchedule")
public class ReconciliationSchedule {

    private final ReconciliationProperties properties;

    ReconciliationSchedule(ReconciliationProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.cycle();
    }
}
