package org.tokengov.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends gates to the ledger and reads a case's entries back, in the order they were recorded. There is deliberately
 * no update or delete (PostgreSQL refuses both). Callers pass the authenticated user as actor, never a variable.
 */
@Service
public class Ledger {

    private static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Ledger(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void record(CaseRef caseRef, LedgerKind kind, String outcome, String actor, String subject, String details) {
        insert(caseRef, kind, outcome, actor, subject, details, false, new Timestamp(clock.millis()));
    }

    /**
     * Records in a transaction of its own, which stays even if the caller's rolls back: for what must be known before
     * a change outside the app's database (REDCap) that a retry could not read back.
     */
    public void recordIndependently(CaseRef caseRef, LedgerKind kind, String outcome, String actor, String subject,
            String details) {
        ownTransaction.executeWithoutResult(status -> record(caseRef, kind, outcome, actor, subject, details));
    }

    /** An entry reconstructed from the audit trail for a case that predates the ledger, at the time it happened. */
    public void recordBackfilled(CaseRef caseRef, LedgerKind kind, String outcome, String actor, String subject,
            String details, java.time.Instant happenedAt) {
        insert(caseRef, kind, outcome, actor, subject, details, true, Timestamp.from(happenedAt));
    }

    public List<LedgerEntry> entries(CaseRef caseRef) {
        return jdbc.sql("""
                select id, case_type, case_id, kind, outcome, actor, subject, recorded_at, details, backfilled
                from ledger_entry where case_type = ? and case_id = ? order by id""")
                .params(caseRef.type().name(), caseRef.id())
                .query(Ledger::toEntry)
                .list();
    }

    public boolean hasEntries(CaseRef caseRef) {
        return jdbc.sql("select count(*) from ledger_entry where case_type = ? and case_id = ?")
                .params(caseRef.type().name(), caseRef.id()).query(Long.class).single() > 0;
    }

    private void insert(CaseRef caseRef, LedgerKind kind, String outcome, String actor, String subject, String details,
            boolean backfilled, Timestamp at) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("A ledger entry names who passed the gate");
        }
        jdbc.sql("""
                insert into ledger_entry (case_type, case_id, kind, outcome, actor, subject, recorded_at, details, backfilled)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseRef.type().name(), caseRef.id(), kind.name(), outcome, actor, subject, at,
                        truncate(details), backfilled)
                .update();
    }

    private static LedgerEntry toEntry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong(1), new CaseRef(CaseType.valueOf(rs.getString(2)), rs.getString(3)),
                LedgerKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getBoolean(10));
    }

    private static String truncate(String details) {
        return details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS);
    }
}
