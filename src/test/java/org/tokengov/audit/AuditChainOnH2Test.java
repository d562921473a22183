package org.tokengov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tokengov.audit.ChainBreak.Kind;

/**
 * The audit chain on H2, the embedded default's database: the migration over a trail written before it (legacy
 * entries, sealed once on their content), sealing and verifying in several batches, a late commit sealed after a later
 * entry, and tampering with entries and seals (H2 has no append-only trigger: plain SQL is enough).
 */
class AuditChainOnH2Test {

    JdbcClient jdbc;
    TransactionTemplate transactions;
    AuditTrail trail;
    AuditSealer sealer;
    AuditChain chain;

    @BeforeEach
    void migrateWithLegacyEntries() {
        String url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
        migrations(dataSource).target("16").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        for (String details : List.of("legacy one", "legacy two", "legacy three")) {
            jdbc.sql("""
                    insert into audit_event (occurred_at, actor, action, details)
                    values (timestamp '2025-01-01 10:00:00', 'ada', 'TOKEN_ISSUED', ?)""")
                    .param(details).update();
        }
        migrations(dataSource).load().migrate();

        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(transactionManager);
        AuditProperties properties = new AuditProperties("k".repeat(AuditKey.MIN_LENGTH), null, Duration.ofMinutes(1),
                Duration.ofHours(1));
        EntryMac mac = new EntryMac(new AuditKey(properties));
        trail = new AuditTrail(jdbc, Clock.systemUTC(), transactionManager, mac);
        sealer = new AuditSealer(jdbc, mac, properties, transactionManager);
        chain = new AuditChain(jdbc, mac, sealer);
    }

    @Test
    void legacyEntriesAreSealedFirstOnTheirContentAndNewOnesWithTheirMac() {
        trail.record("ada", AuditAction.TOKEN_REVOKED, "r-1", "t-1", "after the migration");

        ChainVerification verification = chain.verify(null);

        assertThat(verification.ok()).as("%s", verification.firstBreak()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(4);
        assertThat(verification.head().sealSeq()).isEqualTo(4);
        assertThat(jdbc.sql("select entry_id from audit_seal where entry_mac is null order by seal_seq").query(Long.class).list())
                .as("the three legacy entries, marked by a seal without MAC").containsExactly(1L, 2L, 3L);
    }

    @Test
    void aChangedLegacyEntryIsReportedAtThatEntry() {
        chain.verify(null);

        jdbc.sql("update audit_event set details = 'rewritten' where id = 2").update();

        ChainBreak found = chain.verify(null).firstBreak();
        assertThat(found.kind()).isEqualTo(Kind.ALTERED);
        assertThat(found.entryId()).isEqualTo(2);
        assertThat(found.problem()).contains("Legacy entry 2");
    }

    @Test
    void anEntryWithoutMacAfterTheMigrationIsNeverSealedAsLegacy() {
        trail.record("ada", AuditAction.TOKEN_REVOKED, "r-1", "t-1", "after the migration");
        chain.verify(null);
        jdbc.sql("delete from audit_seal where entry_id = 2").update();
        jdbc.sql("delete from audit_event where id = 2").update();
        jdbc.sql("""
                insert into audit_event (id, occurred_at, actor, action, details)
                values (2, timestamp '2025-01-01 10:00:00', 'ada', 'TOKEN_ISSUED', 'forged')""")
                .update();

        ChainVerification verification = chain.verify(null);

        assertThat(verification.firstBreak().kind()).as("the seal gap comes first in seal order").isEqualTo(Kind.DELETED);
        assertThat(verification.firstBreak().sealSeq()).isEqualTo(3);
        assertThat(verification.firstBreak().problem()).contains("Seals 2 to 2 are missing");
        assertThat(jdbc.sql("select count(*) from audit_seal where entry_id = 2").query(Long.class).single())
                .as("not sealed again as legacy").isZero();
    }

    @Test
    void thousandsOfEntriesAreSealedAndVerifiedInBatchesAndABreakFoundAtItsEntry() {
        for (int i = 0; i < 2 * AuditChain.BATCH + 7; i++) {
            trail.record("system", AuditAction.REMINDER_SENT, "r-" + i, null, "reminder " + i);
        }

        ChainVerification verification = chain.verify(null);
        assertThat(verification.ok()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(3 + 2 * AuditChain.BATCH + 7);

        long late = 3 + AuditChain.BATCH + 42;
        jdbc.sql("update audit_event set actor = 'rita' where id = ?").param(late).update();
        ChainBreak found = chain.verify(null).firstBreak();
        assertThat(found.kind()).isEqualTo(Kind.ALTERED);
        assertThat(found.entryId()).isEqualTo(late);
    }

    @Test
    void anEntryCommittedLateIsSealedAfterALaterOne() {
        TransactionTemplate own = new TransactionTemplate(transactions.getTransactionManager());
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(slow -> {
            trail.record("alice", AuditAction.REQUEST_SUBMITTED, "slow", null, "committed last");
            own.executeWithoutResult(fast -> trail.record("bob", AuditAction.REQUEST_SUBMITTED, "fast", null, "committed first"));
            sealer.sealNew();
        });

        sealer.sealNew();

        long slowSeal = sealOf("slow");
        long fastSeal = sealOf("fast");
        assertThat(slowSeal).as("sealed in the order of commits, not of ids").isGreaterThan(fastSeal);
        assertThat(chain.verify(null).ok()).isTrue();
    }

    @Test
    void anEntryCommittedAfterItsIdWasSettledIsLeftToVerificationWhichSealsIt() {
        AuditProperties settlingAtOnce = new AuditProperties("k".repeat(AuditKey.MIN_LENGTH), null, Duration.ofMinutes(1),
                Duration.ZERO);
        AuditSealer regular = new AuditSealer(jdbc, new EntryMac(new AuditKey(settlingAtOnce)), settlingAtOnce,
                transactions.getTransactionManager());
        TransactionTemplate own = new TransactionTemplate(transactions.getTransactionManager());
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(slow -> {
            trail.record("alice", AuditAction.REQUEST_SUBMITTED, "slow", null, "open longer than settle-time");
            own.executeWithoutResult(fast -> trail.record("bob", AuditAction.REQUEST_SUBMITTED, "fast", null, "committed"));
            regular.sealNew();
            regular.sealNew();
        });

        regular.sealNew();
        assertThat(jdbc.sql("select count(*) from audit_seal s join audit_event e on e.id = s.entry_id where e.request_id = 'slow'")
                .query(Long.class).single()).as("below the settled mark: regular runs no longer look").isZero();

        assertThat(chain.verify(null).ok()).isTrue();
        assertThat(sealOf("slow")).isGreaterThan(sealOf("fast"));
    }

    @Test
    void aSealChangedOrRewrittenIsReported() {
        trail.record("ada", AuditAction.TOKEN_REVOKED, "r-1", "t-1", "after the migration");
        chain.verify(null);

        jdbc.sql("update audit_seal set previous_hash = ? where seal_seq = 4").param("1".repeat(64)).update();

        ChainBreak found = chain.verify(null).firstBreak();
        assertThat(found.kind()).isEqualTo(Kind.INSERTED);
        assertThat(found.entryId()).isEqualTo(4);
        assertThat(found.problem()).contains("does not link to seal 3");
    }

    /** The app's migrations as on H2 (no PostgreSQL-only files). */
    private static FluentConfiguration migrations(SimpleDriverDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common");
    }

    private long sealOf(String requestId) {
        return jdbc.sql("select s.seal_seq from audit_seal s join audit_event e on e.id = s.entry_id where e.request_id = ?")
                .param(requestId).query(Long.class).single();
    }
}
