package org.tokengov.identity;

import java.util.List;
import java.util.Optional;

/** Who people are, as far as the processes need to know. Implementations may throw when the store is down. */
public interface PeopleDirectory {

    Optional<Person> find(String username);

    /** Active members of a group, e.g. {@code api-specialists}. */
    List<Person> membersOf(String groupId);

    /** The external people who name this person as their sponsor. */
    List<Person> sponsoredBy(String sponsor);

    /** Records {@code sponsor} as the sponsor of the external person. Naming the current sponsor again changes nothing. */
    void assignSponsor(String external, String sponsor);
}
