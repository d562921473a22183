package org.tokengov.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tokengov.audit.ChainBreak.Kind;

/**
 * Verifies the audit chain and names its head, for auditors. Verification first seals what is waiting, then recomputes
 * every MAC and every link in batches (seal order, then the entries outside the chain in id order), never holding more
 * than one batch in memory; it stops at the first break.
 */
@Service
public class AuditChain {

    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final EntryMac entryMac;
    private final AuditSealer sealer;

    AuditChain(JdbcClient jdbc, EntryMac entryMac, AuditSealer sealer) {
        this.jdbc = jdbc;
        this.entryMac = entryMac;
        this.sealer = sealer;
    }

    /** The newest seal made before {@code end} (exclusive), after sealing what waits; seal 0 if none. */
    public ChainHead headBefore(Instant end) {
        sealer.sealNew();
        return jdbc.sql("""
                select seal_seq, hash, sealed_at from audit_seal where sealed_at < ?
                order by seal_seq desc fetch first 1 rows only""")
                .param(Timestamp.from(end))
                .query((rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2).trim(), rs.getTimestamp(3).toInstant()))
                .optional()
                .orElse(new ChainHead(0, SealHash.GENESIS, null));
    }

    /** Recomputes the whole chain; {@code hashAtSeal}, if given, is a seal number whose recomputed hash to answer. */
    public ChainVerification verify(Long hashAtSeal) {
        sealer.sealAll();
        long legacyThrough = jdbc.sql("select legacy_through from audit_chain_head where id = 1").query(Long.class).single();
        ChainWalk walk = new ChainWalk(legacyThrough, hashAtSeal);
        ChainBreak found = walkSeals(walk);
        if (found == null) {
            found = walkEntriesOutsideTheChain(walk);
        }
        return new ChainVerification(found == null, walk.checked, found, walk.head(), walk.hashAt);
    }

    private record SealedEntry(long sealSeq, long entryId, String sealMac, String previousHash, String hash, Instant sealedAt,
            boolean entryExists, String entryMac, EntryContent content) {
    }

    /** What the walk along the seals has reached. */
    private static final class ChainWalk {
        final long legacyThrough;
        final Long hashAtSeal;
        long checked;
        long sealSeq;
        String hash = SealHash.GENESIS;
        Instant sealedAt;
        boolean macSealed;
        ChainHead hashAt;

        ChainWalk(long legacyThrough, Long hashAtSeal) {
            this.legacyThrough = legacyThrough;
            this.hashAtSeal = hashAtSeal;
        }

        ChainHead head() {
            return new ChainHead(sealSeq, hash, sealedAt);
        }
    }

    private ChainBreak walkSeals(ChainWalk walk) {
        while (true) {
            List<SealedEntry> batch = jdbc.sql("""
                    select s.seal_seq, s.entry_id, s.entry_mac, s.previous_hash, s.hash, s.sealed_at, e.id, e.mac,
                        e.entry_uid, e.occurred_at, e.actor, e.action, e.request_id, e.token_id, e.details
                    from audit_seal s left join audit_event e on e.id = s.entry_id
                    where s.seal_seq > ? order by s.seal_seq fetch first ? rows only""")
                    .params(walk.sealSeq, BATCH)
                    .query((rs, row) -> new SealedEntry(rs.getLong(1), rs.getLong(2), trimmed(rs.getString(3)),
                            trimmed(rs.getString(4)), trimmed(rs.getString(5)), rs.getTimestamp(6).toInstant(),
                            rs.getObject(7) != null, trimmed(rs.getString(8)), EntryContent.read(rs, 9)))
                    .list();
            for (SealedEntry seal : batch) {
                ChainBreak found = check(seal, walk);
                if (found != null) {
                    return found;
                }
                walk.checked++;
                walk.sealSeq = seal.sealSeq();
                walk.hash = seal.hash();
                walk.sealedAt = seal.sealedAt();
                if (walk.hashAtSeal != null && walk.hashAtSeal == seal.sealSeq()) {
                    walk.hashAt = walk.head();
                }
            }
            if (batch.size() < BATCH) {
                return null;
            }
        }
    }

    private ChainBreak check(SealedEntry seal, ChainWalk walk) {
        long id = seal.entryId();
        long seq = seal.sealSeq();
        if (seq != walk.sealSeq + 1) {
            return new ChainBreak(Kind.DELETED, null, seq,
                    "Seals " + (walk.sealSeq + 1) + " to " + (seq - 1) + " are missing: deleted with their entries.");
        }
        if (!walk.hash.equals(seal.previousHash())) {
            return new ChainBreak(Kind.INSERTED, id, seq, "Seal " + seq + " does not link to seal " + walk.sealSeq
                    + ": the chain was rewritten or a seal inserted.");
        }
        if (!seal.entryExists()) {
            return new ChainBreak(Kind.DELETED, id, seq, "Entry " + id + " was sealed (seal " + seq + ") and is gone.");
        }
        if (seal.sealMac() == null) {
            if (walk.macSealed || id > walk.legacyThrough) {
                return new ChainBreak(Kind.INSERTED, id, seq, "Entry " + id
                        + " is sealed as a legacy entry (without a MAC) but was not in the trail before the MAC was introduced.");
            }
        } else {
            walk.macSealed = true;
            if (!entryMac.verifies(seal.content(), seal.entryMac())) {
                return new ChainBreak(Kind.ALTERED, id, seq, "Entry " + id + " does not match its MAC: it was changed.");
            }
            if (!seal.sealMac().equals(seal.entryMac())) {
                return new ChainBreak(Kind.ALTERED, id, seq, "Entry " + id + " carries another MAC than the one sealed.");
            }
        }
        if (!SealHash.of(seal.previousHash(), seq, id, seal.sealMac(), seal.content()).equals(seal.hash())) {
            return new ChainBreak(Kind.ALTERED, id, seq, seal.sealMac() == null
                    ? "Legacy entry " + id + " does not match its seal: it was changed."
                    : "Seal " + seq + " of entry " + id + " does not match its hash: the seal was changed.");
        }
        return null;
    }

    private record UnsealedEntry(long id, String mac, EntryContent content) {
    }

    /** After sealing, an entry outside the chain is either just committed (its MAC verifies) or not the app's. */
    private ChainBreak walkEntriesOutsideTheChain(ChainWalk walk) {
        long after = 0;
        while (true) {
            List<UnsealedEntry> batch = jdbc.sql("""
                    select e.id, e.mac, e.entry_uid, e.occurred_at, e.actor, e.action, e.request_id, e.token_id, e.details
                    from audit_event e
                    where e.id > ? and not exists (select 1 from audit_seal s where s.entry_id = e.id)
                    order by e.id fetch first ? rows only""")
                    .params(after, BATCH)
                    .query((rs, row) -> new UnsealedEntry(rs.getLong(1), trimmed(rs.getString(2)), EntryContent.read(rs, 3)))
                    .list();
            for (UnsealedEntry entry : batch) {
                if (!entryMac.verifies(entry.content(), entry.mac())) {
                    return new ChainBreak(Kind.INSERTED, entry.id(), null, "Entry " + entry.id()
                            + " is not in the chain and its MAC does not verify: written or changed outside the app.");
                }
                Optional<Long> original = jdbc.sql("select entry_id from audit_seal where entry_mac = ?")
                        .param(entry.mac()).query(Long.class).optional();
                if (original.isPresent()) {
                    return new ChainBreak(Kind.INSERTED, entry.id(), null,
                            "Entry " + entry.id() + " is a copy of sealed entry " + original.get() + ".");
                }
                walk.checked++;
                after = entry.id();
            }
            if (batch.size() < BATCH) {
                return null;
            }
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
