package org.tokengov.notification;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** On every new user task: the mail to its assignee, or else to its candidate users and groups, with its link. */
@Component
class TaskWaitingListener implements TaskListener {

    // Lazily: the engine (which needs this listener) is built before the beans the notifier needs.
    private final ObjectProvider<Notifier> notifier;

    TaskWaitingListener(ObjectProvider<Notifier> notifier) {
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateTask task) {
        String due = task.getDueDate() == null ? null
                : task.getDueDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        notifier.getObject().taskCreated(new WaitingTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), due),
                waitingFor(task));
    }

    private static Recipients waitingFor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return new Recipients(List.of(task.getAssignee()), List.of());
        }
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            } else if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return new Recipients(users, groups);
    }
}
