package org.tokengov.notification;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;

/**
 * Queues mails in the outbox ({@link MailOutbox}) as part of the process step that causes them; {@link MailDispatcher}
 * sends them after the step commits. A step's mails are collected and written just before its commit, which lets a
 * notice and a task of the same step become one mail: when the step also sends a notice to exactly the people the
 * new task waits for, that notice gets the task's link and the generic "a task waits for you" mail is left out.
 * Recipients are resolved to addresses when the notice is sent or the task created, inside the engine's command
 * (where people can be read without the acting user's authorizations).
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final PeopleDirectory people;
    private final MailTemplates templates;
    private final MailOutbox outbox;

    Notifier(PeopleDirectory people, MailTemplates templates, MailOutbox outbox) {
        this.people = people;
        this.templates = templates;
        this.outbox = outbox;
    }

    public void send(Notification notification) {
        Set<String> addresses = addresses(new Recipients(notification.usernames(), notification.groups()));
        collect(mails -> mails.notices().add(new StepMails.Notice(notification, addresses)));
    }

    /** A user task was created; its mail goes to {@code waitingFor} unless a notice of the same step covers it. */
    void taskCreated(WaitingTask task, Recipients waitingFor) {
        Set<String> addresses = addresses(waitingFor);
        collect(mails -> mails.tasks().add(new StepMails.TaskMail(task, waitingFor, addresses)));
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
        for (StepMails.Notice sent : outgoing.notices()) {
            Notification notice = sent.notification();
            queue(sent.addresses(), templates.notice(notice.subject(), notice.body(), notice.taskId()), notice.taskId());
        }
        for (StepMails.TaskMail task : outgoing.tasks()) {
            queue(task.addresses(), templates.taskWaiting(task.task()), task.task().id());
        }
    }

    private void queue(Set<String> addresses, RenderedMail mail, String taskId) {
        if (addresses.isEmpty()) {
            log.warn("Mail '{}' has no recipient with an e-mail address", mail.subject());
            return;
        }
        outbox.queue(addresses, mail, taskId);
    }

    private Set<String> addresses(Recipients recipients) {
        Set<String> addresses = new LinkedHashSet<>();
        recipients.usernames().forEach(username -> people.find(username)
                .map(Person::email).filter(email -> email != null && !email.isBlank()).ifPresent(addresses::add));
        recipients.groups().forEach(group -> people.membersOf(group).stream()
                .map(Person::email).filter(email -> email != null && !email.isBlank()).forEach(addresses::add));
        return addresses;
    }
}
