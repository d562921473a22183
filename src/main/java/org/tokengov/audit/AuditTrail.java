package org.tokengov.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the audit trail and reads it back. There is deliberately no update or delete. Each entry carries a MAC
 * under the audit key; {@link AuditSealer} chains it later, so appending locks nothing shared.
 */
@Service
public class AuditTrail {

    /** Who acts when no person does: timers, sweeps, retried jobs. */
    public static final String SYSTEM_ACTOR = "system";

    private static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final EntryMac entryMac;

    AuditTrail(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager, EntryMac entryMac) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.entryMac = entryMac;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void record(String actor, AuditAction action, String requestId, String tokenId, String details) {
        // The stored date-time exactly (microseconds, the JVM's zone as the driver would convert it): the MAC covers it.
        LocalDateTime occurredAt = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS),
                ZoneId.systemDefault());
        EntryContent content = new EntryContent(UUID.randomUUID().toString(), occurredAt, actor == null ? SYSTEM_ACTOR : actor,
                action.name(), requestId, tokenId, truncate(details));
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, request_id, token_id, details, entry_uid, mac)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(content.occurredAt(), content.actor(), content.action(), content.requestId(), content.tokenId(),
                        content.details(), content.uid(), entryMac.of(content))
                .update();
    }

    /** Records in a transaction of its own: for refusals, whose surrounding transaction is about to roll back. */
    public void recordIndependently(String actor, AuditAction action, String requestId, String tokenId, String details) {
        ownTransaction.executeWithoutResult(status -> record(actor, action, requestId, tokenId, details));
    }

    public List<AuditEntry> ofRequest(String requestId) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, request_id, token_id, details
                from audit_event where request_id = ? order by id""")
                .param(requestId)
                .query(AuditTrail::toEntry)
                .list();
    }

    /** The newest entry of that action, if any. */
    public Optional<AuditEntry> latest(AuditAction action) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, request_id, token_id, details
                from audit_event where action = ? order by id desc fetch first 1 rows only""")
                .param(action.name())
                .query(AuditTrail::toEntry)
                .optional();
    }

    public List<AuditEntry> ofToken(String tokenId) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, request_id, token_id, details
                from audit_event where token_id = ? order by id""")
                .param(tokenId)
                .query(AuditTrail::toEntry)
                .list();
    }

    /**
     * The entries that occurred from {@code from} (inclusive) to {@code to} (exclusive), in id order. At most
     * {@code limit} of them, so that a caller can refuse an oversized range without holding it all in memory.
     */
    public List<AuditEntry> between(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, request_id, token_id, details
                from audit_event where occurred_at >= ? and occurred_at < ? order by id
                fetch first ? rows only""")
                .params(Timestamp.from(from), Timestamp.from(to), limit)
                .query(AuditTrail::toEntry)
                .list();
    }

    private static AuditEntry toEntry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7));
    }

    /** Never between the two halves of a surrogate pair: half a character would not survive the database as it was MACed. */
    private static String truncate(String details) {
        if (details == null || details.length() <= MAX_DETAILS) {
            return details;
        }
        int end = Character.isHighSurrogate(details.charAt(MAX_DETAILS - 1)) ? MAX_DETAILS - 1 : MAX_DETAILS;
        return details.substring(0, end);
    }
}
