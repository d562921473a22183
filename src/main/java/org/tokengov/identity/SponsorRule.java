package org.tokengov.identity;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The policy admits external people only through an active internal person who answers for their use of the API. */
@Component
public class SponsorRule {

    private static final String RULE = " External users need an active internal sponsor who answers for their use of the API.";

    private final PeopleDirectory people;
    private final ServiceAccountRule serviceAccounts;

    public SponsorRule(PeopleDirectory people, ServiceAccountRule serviceAccounts) {
        this.people = people;
        this.serviceAccounts = serviceAccounts;
    }

    /** Empty if the external person has a sponsor who may answer for them; otherwise why not, in words. */
    public Optional<String> problem(String username, String sponsorName) {
        if (sponsorName == null || sponsorName.isBlank()) {
            return Optional.of("'" + username + "' is an external user without a sponsor." + RULE);
        }
        if (sponsorName.equalsIgnoreCase(username)) {
            return Optional.of("'" + username + "' cannot sponsor themselves." + RULE);
        }
        Optional<Person> sponsor = people.find(sponsorName);
        if (sponsor.isEmpty()) {
            return Optional.of("The sponsor '" + sponsorName + "' of '" + username + "' does not exist." + RULE);
        }
        if (!sponsor.get().active()) {
            return Optional.of("The sponsor '" + sponsorName + "' of '" + username + "' is no longer active." + RULE);
        }
        if (sponsor.get().external() || serviceAccounts.isServiceAccount(sponsorName, sponsor.get())) {
            return Optional.of("The sponsor '" + sponsorName + "' of '" + username + "' is not an internal person." + RULE);
        }
        return Optional.empty();
    }
}
