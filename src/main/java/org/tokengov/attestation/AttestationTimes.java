package org.tokengov.attestation;

import org.springframework.stereotype.Component;

/** The attestation process's timer expressions ({@code ${attestationTimes.…}}). */
@Component("attestationTimes")
public class AttestationTimes {

    private final AttestationProperties properties;

    public AttestationTimes(AttestationProperties properties) {
        this.properties = properties;
    }

    public String getCampaignCycle() {
        return properties.campaignCycle();
    }

    public String getReminderCycle() {
        return "R/" + properties.reminderInterval();
    }

    public String getDeadline() {
        return properties.deadline().toString();
    }
}
