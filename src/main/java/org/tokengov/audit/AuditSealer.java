package org.tokengov.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed audit entries in seal order, after their transactions ended: business transactions only insert
 * their entry, and only this sealer takes the chain head, in short transactions of its own (one batch each), so
 * replicas running it at once take turns. An entry whose MAC does not verify is not sealed: it was written or changed
 * outside the app, and verification reports it. Sealing times are real time, never the engine's (test) clock.
 */
@Service
class AuditSealer {

    static final int BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);

    private final JdbcClient jdbc;
    private final EntryMac entryMac;
    private final AuditProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock realTime = Clock.systemUTC();

    AuditSealer(JdbcClient jdbc, EntryMac entryMac, AuditProperties properties, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.entryMac = entryMac;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(fixedDelayString = "${tokengov.audit.seal-interval:PT1M}",
            initialDelayString = "${tokengov.audit.seal-interval:PT1M}")
    void sealOnSchedule() {
        sealNew();
    }

    /** Seals the entries after the settled ones: the regular run. */
    void sealNew() {
        seal(false);
    }

    /** Seals every unsealed entry that verifies, however old its id: before a verification. */
    void sealAll() {
        seal(true);
    }

    private record Head(long sealSeq, String hash, long legacyThrough, long scanFrom, long nextScanFrom, Instant nextScanFromAt) {
    }

    private record Candidate(long id, String mac, EntryContent content) {
    }

    private void seal(boolean everything) {
        Long after = null;
        int refused = 0;
        Long firstRefused = null;
        while (true) {
            Long from = after;
            Batch batch = ownTransaction.execute(status -> sealBatch(from, everything));
            refused += batch.refused();
            firstRefused = firstRefused != null ? firstRefused : batch.firstRefused();
            if (batch.read() < BATCH) {
                break;
            }
            after = batch.lastId();
        }
        if (refused > 0) {
            LOG.warn("Audit sealer: {} entries not sealed, as their MAC does not verify or they copy a sealed entry (written "
                    + "or changed outside the app); the first is entry {}. GET /api/audit/verify reports them.", refused, firstRefused);
        }
    }

    private record Batch(int read, long lastId, int refused, Long firstRefused) {
    }

    /** One short transaction: the head locked, up to {@value #BATCH} unsealed entries after {@code after} sealed. */
    private Batch sealBatch(Long after, boolean everything) {
        Head head = jdbc.sql("""
                select seal_seq, hash, legacy_through, scan_from, next_scan_from, next_scan_from_at
                from audit_chain_head where id = 1 for update""")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2).trim(), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant()))
                .single();
        long from = after != null ? after : everything ? 0 : head.scanFrom();
        List<Candidate> candidates = jdbc.sql("""
                select e.id, e.mac, e.entry_uid, e.occurred_at, e.actor, e.action, e.request_id, e.token_id, e.details
                from audit_event e
                where e.id > ? and not exists (select 1 from audit_seal s where s.entry_id = e.id)
                order by e.id fetch first ? rows only""")
                .params(from, BATCH)
                .query((rs, row) -> new Candidate(rs.getLong(1), rs.getString(2), EntryContent.read(rs, 3)))
                .list();
        Instant now = realTime.instant();
        long seq = head.sealSeq();
        String hash = head.hash();
        int sealed = 0;
        int refused = 0;
        Long firstRefused = null;
        Boolean macSealed = null;
        for (Candidate entry : candidates) {
            boolean legacy = entry.mac() == null && entry.content().uid() == null && entry.id() <= head.legacyThrough();
            if (legacy && macSealed == null) {
                macSealed = anyMacSealed();
            }
            String sealMac;
            if (legacy && !macSealed) {
                sealMac = null;
            } else if (entryMac.verifies(entry.content(), entry.mac()) && !sealedAlready(entry.mac().trim())) {
                sealMac = entry.mac().trim();
                macSealed = true;
            } else {
                refused++;
                firstRefused = firstRefused != null ? firstRefused : entry.id();
                continue;
            }
            seq++;
            String next = SealHash.of(hash, seq, entry.id(), sealMac, entry.content());
            jdbc.sql("""
                    insert into audit_seal (seal_seq, entry_id, entry_mac, previous_hash, hash, sealed_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(seq, entry.id(), sealMac, hash, next, Timestamp.from(now))
                    .update();
            hash = next;
            sealed++;
        }
        if (sealed > 0) {
            jdbc.sql("update audit_chain_head set seal_seq = ?, hash = ? where id = 1").params(seq, hash).update();
        }
        if (candidates.size() < BATCH) {
            settle(head, now);
        }
        long lastId = candidates.isEmpty() ? from : candidates.get(candidates.size() - 1).id();
        return new Batch(candidates.size(), lastId, refused, firstRefused);
    }

    /**
     * Moves the settled mark: every id up to the newest one seen {@code settle-time} ago was allocated before then, so
     * its transaction has ended and this run has read it. Later regular runs start after it.
     */
    private void settle(Head head, Instant now) {
        if (head.nextScanFromAt().plus(properties.settleTime()).isAfter(now)) {
            return;
        }
        long newest = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        jdbc.sql("update audit_chain_head set scan_from = ?, next_scan_from = ?, next_scan_from_at = ? where id = 1")
                .params(Math.max(head.scanFrom(), head.nextScanFrom()), newest, Timestamp.from(now))
                .update();
    }

    /** Legacy entries are sealed first, once: after a MAC'd entry, an entry without a MAC is no legacy. */
    private boolean anyMacSealed() {
        return jdbc.sql("select seal_seq from audit_seal where entry_mac is not null fetch first 1 rows only")
                .query(Long.class).optional().isPresent();
    }

    /** A MAC sealed before means this row is a copy of a sealed entry. */
    private boolean sealedAlready(String mac) {
        return jdbc.sql("select count(*) from audit_seal where entry_mac = ?").param(mac).query(Long.class).single() > 0;
    }
}
