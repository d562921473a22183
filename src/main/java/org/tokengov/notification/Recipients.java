package org.tokengov.notification;

import java.util.List;

/** People by username and groups whose active members all receive a mail. */
record Recipients(List<String> usernames, List<String> groups) {

    boolean isEmpty() {
        return usernames.isEmpty() && groups.isEmpty();
    }

    /** Whether a mail to {@code other} reaches at least everyone this names. */
    boolean within(Recipients other) {
        return other.usernames().containsAll(usernames) && other.groups().containsAll(groups);
    }
}
