package org.tokengov.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
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
 * writes their subject and recipients to the log (the embedded default). A mail the server refuses stays pending and
 * is tried again later, for ever: a long outage delays mails but loses none, and is logged as an error once it lasts.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    MailDispatcher(MailOutbox outbox, ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.outbox = outbox;
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
            if (sender == null) {
                log.info("Mail to {}: {}", mail.recipients(), mail.mail().subject());
                outbox.markSent(mail.id());
                continue;
            }
            try {
                sender.send(message(sender, mail));
                outbox.markSent(mail.id());
            } catch (MailException | MessagingException e) {
                failed(mail, e);
            }
        }
        return due.size();
    }

    private MimeMessage message(JavaMailSender sender, OutboxMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipients().toArray(String[]::new));
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
