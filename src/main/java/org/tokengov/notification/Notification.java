package org.tokengov.notification;

import java.util.List;
import java.util.Map;

/**
 * A message to people (by username) and/or to every active member of groups: its {@link MailKind} names the template
 * that words it, {@code model} holds the plain values the template shows (names, project ids, days, comments, counts,
 * lists; never a token value). {@code taskId}, when set, names the Tasklist task the message is about, so the mail
 * links straight to it; {@code requestNumber}, when set, the token request it is about (REQ-2026-0042), which the
 * subject then ends with, so that people can quote it and mail clients can thread it.
 */
public record Notification(List<String> usernames, List<String> groups, MailKind kind, Map<String, Object> model,
        String taskId, String requestNumber) {

    public Notification {
        usernames = List.copyOf(usernames);
        groups = List.copyOf(groups);
        model = kind.check(model);
    }

    public Notification(List<String> usernames, List<String> groups, MailKind kind, Map<String, Object> model) {
        this(usernames, groups, kind, model, null, null);
    }

    public static Notification toUser(String username, MailKind kind, Map<String, Object> model) {
        return new Notification(List.of(username), List.of(), kind, model);
    }

    public static Notification toGroup(String group, MailKind kind, Map<String, Object> model) {
        return new Notification(List.of(), List.of(group), kind, model);
    }

    public Notification aboutTask(String taskId) {
        return new Notification(usernames, groups, kind, model, taskId, requestNumber);
    }

    /** The mail is about the token request numbered {@code number} (null for a request that has none). */
    public Notification aboutRequest(String number) {
        return new Notification(usernames, groups, kind, model, taskId, number);
    }
}
