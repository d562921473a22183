package org.tokengov.notification;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;

/**
 * The e-mail addresses of the people a mail names, looked up when it is sent: the identity store's current answer,
 * in the dispatcher's thread, where no acting user's authorizations restrict whom it may read.
 */
@Component
class MailAddresses {

    private final PeopleDirectory people;

    MailAddresses(PeopleDirectory people) {
        this.people = people;
    }

    Set<String> of(Recipients recipients) {
        Set<String> addresses = new LinkedHashSet<>();
        recipients.usernames().forEach(username -> people.find(username)
                .map(Person::email).filter(MailAddresses::present).ifPresent(addresses::add));
        recipients.groups().forEach(group -> people.membersOf(group).stream()
                .map(Person::email).filter(MailAddresses::present).forEach(addresses::add));
        return addresses;
    }

    private static boolean present(String email) {
        return email != null && !email.isBlank();
    }
}
