package org.tokengov.notification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mails one process step (one transaction) causes: notices its code sends and the tasks it creates. A task
 * whose people all receive a notice of the same step is announced by that notice (with the task's link), not by a
 * second, generic mail.
 */
final class StepMails {

    record TaskMail(WaitingTask task, Recipients waitingFor) {
    }

    private final List<Notification> notices = new ArrayList<>();
    private final List<TaskMail> tasks = new ArrayList<>();

    List<Notification> notices() {
        return notices;
    }

    List<TaskMail> tasks() {
        return tasks;
    }

    /** What to queue: the notices, each linked to the first new task it announces, then the tasks none announced. */
    Outgoing outgoing() {
        Set<String> announced = new HashSet<>();
        notices.stream().map(Notification::taskId).filter(id -> id != null).forEach(announced::add);
        List<Notification> linked = new ArrayList<>();
        for (Notification notice : notices) {
            Recipients noticed = new Recipients(notice.usernames(), notice.groups());
            TaskMail task = notice.taskId() != null ? null : tasks.stream()
                    .filter(candidate -> !announced.contains(candidate.task().id()))
                    .filter(candidate -> !candidate.waitingFor().isEmpty() && candidate.waitingFor().within(noticed))
                    .findFirst().orElse(null);
            if (task == null) {
                linked.add(notice);
            } else {
                announced.add(task.task().id());
                linked.add(notice.aboutTask(task.task().id()));
            }
        }
        List<TaskMail> unannounced = tasks.stream()
                .filter(task -> !announced.contains(task.task().id()) && !task.waitingFor().isEmpty()).toList();
        return new Outgoing(linked, unannounced);
    }

    record Outgoing(List<Notification> notices, List<TaskMail> tasks) {
    }
}
