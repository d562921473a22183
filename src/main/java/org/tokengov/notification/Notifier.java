package org.tokengov.notification;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues mails in the outbox ({@link MailOutbox}) as part of the process step that causes them; {@link MailDispatcher}
 * sends them after the step commits. A step's mails are collected and written just before its commit, which lets a
 * notice and a task of the same step become one mail: when the step also sends a notice to exactly the people the
 * new task waits for, that notice gets the task's link and the generic "a task waits for you" mail is left out.
 * The outbox holds usernames and groups; the dispatcher looks up their addresses when it sends, so an identity store
 * that is down delays mails but never fails the step (a form submission, say) that caused them.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final MailTemplates templates;
    private final MailOutbox outbox;

    Notifier(MailTemplates templates, MailOutbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    public void send(Notification notification) {
        collect(mails -> mails.notices().add(notification));
    }

    /** A user task was created; its mail goes to {@code waitingFor} unless a notice of the same step covers it. */
    void taskCreated(WaitingTask task, Recipients waitingFor) {
        collect(mails -> mails.tasks().add(new StepMails.TaskMail(task, waitingFor)));
    }

    private void collect(Consumer<StepMails> add) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            StepMails mails = new StepMails();
            add.accept(mails);
            queue(mails);
            return;
        }
        StepMails mails = (StepMails) TransactionSynchronizationManager.getResource(StepMails.class);
        if (mails == null) {
            StepMails collected = new StepMails();
            TransactionSynchronizationManager.bindResource(StepMails.class, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // Still inside the step's transaction: the rows commit, or roll back, with the step.
                    TransactionSynchronizationManager.unbindResourceIfPossible(StepMails.class);
                    queue(collected);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StepMails.class);
                }
            });
            mails = collected;
        }
        add.accept(mails);
    }

    private void queue(StepMails mails) {
        StepMails.Outgoing outgoing = mails.outgoing();
        for (Notification notice : outgoing.notices()) {
            queue(new Recipients(notice.usernames(), notice.groups()),
                    templates.render(notice.kind(), notice.model(), notice.taskId(), notice.requestNumber()),
                    notice.taskId());
        }
        for (StepMails.TaskMail task : outgoing.tasks()) {
            queue(task.waitingFor(), templates.taskWaiting(task.task()), task.task().id());
        }
    }

    private void queue(Recipients recipients, RenderedMail mail, String taskId) {
        if (recipients.isEmpty()) {
            log.warn("Mail '{}' names nobody", mail.subject());
            return;
        }
        outbox.queue(recipients, mail, taskId);
    }
}
