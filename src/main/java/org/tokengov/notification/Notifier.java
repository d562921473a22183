package org.tokengov.notification;

import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;

/**
 * Sends notifications by e-mail when a mail server is configured ({@code spring.mail.host}), and
 * otherwise writes them to the log (the embedded default). Recipients are resolved when the step runs;
 * sending waits for the step's commit.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final PeopleDirectory people;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    Notifier(PeopleDirectory people, ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.people = people;
        this.mailSender = mailSender;
        this.properties = properties;
    }

    public void send(Notification notification) {
        Set<String> addresses = recipients(notification);
        if (addresses.isEmpty()) {
            log.warn("Notification '{}' has no recipient with an e-mail address", notification.subject());
            return;
        }
        String body = notification.body() + "\n\nTasklist: " + properties.tasklistUrl() + "\n";
        afterCommit(() -> deliver(addresses, notification.subject(), body));
    }

    private Set<String> recipients(Notification notification) {
        Set<String> addresses = new LinkedHashSet<>();
        notification.usernames().forEach(username -> people.find(username)
                .map(Person::email).filter(email -> email != null && !email.isBlank()).ifPresent(addresses::add));
        notification.groups().forEach(group -> people.membersOf(group).stream()
                .map(Person::email).filter(email -> email != null && !email.isBlank()).forEach(addresses::add));
        return addresses;
    }

    private void deliver(Set<String> addresses, String subject, String body) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("Notification to {}: {}", addresses, subject);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(addresses.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            log.error("Could not send '{}' to {}: {}", subject, addresses, e.getMessage());
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
