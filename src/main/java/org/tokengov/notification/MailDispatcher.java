package org.tokengov.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tokengov.notification.MailOutbox.OutboxMail;

/**
 * Sends the outbox's due mails by SMTP when a mail server is configured ({@code spring.mail.host}), and otherwise
 * writes their subject and recipients to the log (the embedded default). The addresses are looked up now. A mail the
 * server refuses, or whose people cannot be looked up (identity store down), stays pending and is tried again later,
 * for ever: a long outage delays mails but loses none, and is logged as an error once it lasts.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailOutbox outbox;
    private final MailAddresses addresses;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    MailDispatcher(MailOutbox outbox, MailAddresses addresses, ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties) {
        this.outbox = outbox;
        this.addresses = addresses;
        this.mailSender = mailSender;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${tokengov.notification.dispatch-interval:PT10S}",
            initialDelayString = "${tokengov.notification.dispatch-interval:PT10S}")
    void dispatch() {
        int sent;
        do {
            sent = sendDue();
        } while (sent == properties.batchSize());
    }

    /** Sends one batch of due mails; returns how many were claimed. */
    int sendDue() {
        List<OutboxMail> due = outbox.claimDue(properties.batchSize(), properties.claimTimeout());
        JavaMailSender sender = mailSender.getIfAvailable();
        for (OutboxMail mail : due) {
            try {
                send(mail, sender);
            } catch (MailException | MessagingException | IdentityLookupFailed e) {
                failed(mail, e);
            }
        }
        return due.size();
    }

    private void send(OutboxMail mail, JavaMailSender sender) throws MessagingException {
        Set<String> to = lookUp(mail);
        if (to.isEmpty()) {
            log.warn("Mail {} '{}' not sent: nobody it names ({}) has an e-mail address", mail.id(), mail.mail().subject(),
                    mail.recipients());
            outbox.markNoAddress(mail.id());
            return;
        }
        if (sender == null) {
            log.info("Mail to {}: {}", to, mail.mail().subject());
        } else {
            sender.send(message(sender, to, mail));
        }
        outbox.markSent(mail.id(), to);
    }

    private Set<String> lookUp(OutboxMail mail) {
        try {
            return addresses.of(mail.recipients());
        } catch (RuntimeException e) {
            throw new IdentityLookupFailed(e);
        }
    }

    /** The identity store could not say who gets the mail: like a refused mail, it is tried again later. */
    private static final class IdentityLookupFailed extends RuntimeException {
        IdentityLookupFailed(RuntimeException cause) {
            super("the identity store could not be read: " + cause.getMessage(), cause);
        }
    }

    private MimeMessage message(JavaMailSender sender, Set<String> to, OutboxMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject(mail.mail().subject());
        helper.setText(mail.mail().text(), mail.mail().html());
        return message;
    }

    private void failed(OutboxMail mail, Exception e) {
        var retryAfter = properties.retryAfter(mail.attempts());
        outbox.markFailed(mail.id(), retryAfter, e.getMessage());
        if (mail.attempts() >= properties.alertAfterAttempts()) {
            log.error("Mail {} '{}' to {} still not delivered after {} attempts (next in {}): {}", mail.id(),
                    mail.mail().subject(), mail.recipients(), mail.attempts(), retryAfter, e.getMessage());
        } else {
            log.warn("Mail {} '{}' to {} not delivered (attempt {}, next in {}): {}", mail.id(), mail.mail().subject(),
                    mail.recipients(), mail.attempts(), retryAfter, e.getMessage());
        }
    }
}
