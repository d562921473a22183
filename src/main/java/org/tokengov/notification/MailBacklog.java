package org.tokengov.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many mails of the outbox wait to be sent (new, or refused and waiting for their next attempt). */
@Component
public class MailBacklog {

    private final JdbcClient jdbc;

    MailBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long pending() {
        return jdbc.sql("select count(*) from mail_outbox where status = ?").param(MailOutbox.PENDING)
                .query(Long.class).single();
    }
}
