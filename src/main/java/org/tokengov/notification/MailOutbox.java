package org.tokengov.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code mail_outbox}. Rows are written in the caller's transaction (the process step's); sending claims
 * a row with a conditional update, so two replicas never both send it, and a claim expires if its replica dies.
 * Times are the wall clock, not the engine's: retries are about a real mail server.
 */
@Repository
class MailOutbox {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    /** Nobody it names has an e-mail address (left, or a group without members): nothing to send, kept as evidence. */
    static final String NO_ADDRESS = "NO_ADDRESS";

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    MailOutbox(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    MailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void queue(Recipients recipients, RenderedMail mail, String taskId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into mail_outbox (created_at, to_usernames, to_groups, subject, text_body, html_body, task_id, status,
                                         attempts, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(now, String.join(",", recipients.usernames()), String.join(",", recipients.groups()),
                        mail.subject(), mail.text(), mail.html(), taskId, PENDING, now)
                .update();
    }

    /**
     * Claims up to {@code limit} due mails for this replica: each claim counts as an attempt and hides the row from
     * other replicas for {@code claimTimeout}.
     */
    List<OutboxMail> claimDue(int limit, Duration claimTimeout) {
        Timestamp now = Timestamp.from(clock.instant());
        List<OutboxMail> due = jdbc.sql("""
                select id, to_usernames, to_groups, subject, text_body, html_body, attempts from mail_outbox
                where status = ? and next_attempt_at <= ? order by id fetch first ? rows only""")
                .params(PENDING, now, limit)
                .query((rs, row) -> new OutboxMail(rs.getLong("id"),
                        new Recipients(names(rs.getString("to_usernames")), names(rs.getString("to_groups"))),
                        new RenderedMail(rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body")),
                        rs.getInt("attempts")))
                .list();
        Timestamp claimedUntil = Timestamp.from(clock.instant().plus(claimTimeout));
        List<OutboxMail> claimed = new ArrayList<>();
        for (OutboxMail mail : due) {
            int won = jdbc.sql("update mail_outbox set attempts = attempts + 1, next_attempt_at = ? "
                            + "where id = ? and status = ? and attempts = ?")
                    .params(claimedUntil, mail.id(), PENDING, mail.attempts())
                    .update();
            if (won == 1) {
                claimed.add(mail.claimed());
            }
        }
        return claimed;
    }

    void markSent(long id, Collection<String> addresses) {
        jdbc.sql("update mail_outbox set status = ?, recipients = ?, sent_at = ?, last_error = null where id = ?")
                .params(SENT, String.join(",", addresses), Timestamp.from(clock.instant()), id)
                .update();
    }

    void markNoAddress(long id) {
        jdbc.sql("update mail_outbox set status = ?, last_error = ? where id = ?")
                .params(NO_ADDRESS, "nobody it names has an e-mail address", id)
                .update();
    }

    void markFailed(long id, Duration retryAfter, String error) {
        jdbc.sql("update mail_outbox set next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(clock.instant().plus(retryAfter)), abbreviate(error), id)
                .update();
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static String abbreviate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** A claimed row; {@code attempts} includes the current one. */
    record OutboxMail(long id, Recipients recipients, RenderedMail mail, int attempts) {

        OutboxMail claimed() {
            return new OutboxMail(id, recipients, mail, attempts + 1);
        }
    }
}
