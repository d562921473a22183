package org.tokengov.notification;

import java.util.List;

/**
 * A plain-text message to people (by username) and/or to every active member of groups. {@code taskId}, when set,
 * names the Tasklist task the message is about, so the mail links straight to it.
 */
public record Notification(List<String> usernames, List<String> groups, String subject, String body, String taskId) {

    public Notification(List<String> usernames, List<String> groups, String subject, String body) {
        this(usernames, groups, subject, body, null);
    }

    public static Notification toUser(String username, String subject, String body) {
        return new Notification(List.of(username), List.of(), subject, body);
    }

    public static Notification toGroup(String group, String subject, String body) {
        return new Notification(List.of(), List.of(group), subject, body);
    }

    public Notification aboutTask(String taskId) {
        return new Notification(usernames, groups, subject, body, taskId);
    }
}
