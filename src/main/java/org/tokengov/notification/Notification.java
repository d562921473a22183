package org.tokengov.notification;

import java.util.List;

/** A plain-text message to people (by username) and/or to every active member of groups. */
public record Notification(List<String> usernames, List<String> groups, String subject, String body) {

    public static Notification toUser(String username, String subject, String body) {
        return new Notification(List.of(username), List.of(), subject, body);
    }

    public static Notification toGroup(String group, String subject, String body) {
        return new Notification(List.of(), List.of(group), subject, body);
    }
}
