package org.tokengov.sponsorship;

import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.identity.ServiceAccountRule;

/**
 * Who may take over as sponsor: an active internal person of the identity store, neither the sponsor who left nor the
 * external themself, and no service account. A refusal is the form's answer (400 over REST) and changes nothing.
 */
@Component
class NewSponsorRule {

    static final String FORM = "new-sponsor";

    private final PeopleDirectory people;
    private final ServiceAccountRule serviceAccounts;

    NewSponsorRule(PeopleDirectory people, ServiceAccountRule serviceAccounts) {
        this.people = people;
        this.serviceAccounts = serviceAccounts;
    }

    /** The new sponsor as the identity store knows them, or a refusal that says what is wrong. */
    Person check(String candidate, String external, String departedSponsor) {
        String username = candidate == null ? "" : candidate.trim();
        if (username.isEmpty()) {
            throw refusal("Name the new sponsor's username.", external);
        }
        if (username.equalsIgnoreCase(external)) {
            throw refusal("'" + external + "' cannot sponsor themselves.", external);
        }
        if (username.equalsIgnoreCase(departedSponsor)) {
            throw refusal("'" + username + "' is the sponsor who left.", external);
        }
        Optional<Person> person = people.find(username);
        if (person.isEmpty()) {
            throw refusal("No person '" + username + "' exists in the identity store.", external);
        }
        if (!person.get().active()) {
            throw refusal("The account '" + username + "' is disabled.", external);
        }
        if (person.get().external()) {
            throw refusal("'" + username + "' is an external user.", external);
        }
        if (serviceAccounts.isServiceAccount(username, person.get())) {
            throw refusal("'" + username + "' is a service account.", external);
        }
        return person.get();
    }

    private static FormFieldValidationException refusal(String problem, String external) {
        return new FormFieldValidationException(FORM, "Cannot accept the new sponsor: " + problem + " The sponsor of '"
                + external + "' must be an active internal person who answers for their use of the REDCap API.");
    }
}
