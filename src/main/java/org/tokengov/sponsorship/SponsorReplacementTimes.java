package org.tokengov.sponsorship;

import org.springframework.stereotype.Component;

/** The process's timer and due date as the BPMN reads them ({@code ${sponsorReplacementTimes.deadline}}). */
@Component("sponsorReplacementTimes")
public class SponsorReplacementTimes {

    private final SponsorshipProperties properties;

    public SponsorReplacementTimes(SponsorshipProperties properties) {
        this.properties = properties;
    }

    /** ISO 8601 duration, counted from the moment the naming task is created. */
    public String getDeadline() {
        return properties.replacementDeadline().toString();
    }
}
