package org.tokengov.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-person lock and departure on H2, the embedded default's database: V33 records the people who left before
 * it; a second transaction locking the same person waits until the first ends and then reads what it committed,
 * whether the person's row existed before or the first transaction created it.
 */
class TokenHoldersOnH2Test {

    static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");

    JdbcTemplate jdbc;
    TransactionTemplate transactions;
    TokenHolders holders;

    @BeforeEach
    void migrateWithEarlierDepartures() {
        String url = "jdbc:h2:mem:holders-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
        migrations(dataSource).target("32").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        event("gone-1", "gone", "person.terminated", "2026-11-01 00:00:00", "COMPLETED");
        event("back-1", "back", "person.terminated", "2026-10-01 00:00:00", "COMPLETED");
        event("back-2", "back", "person.rehired", "2026-10-15 00:00:00", "RECORDED");
        event("again-1", "again", "person.rehired", "2026-09-01 00:00:00", "RECORDED");
        event("again-2", "again", "person.terminated", "2026-10-01 00:00:00", "AWAITING_REDCAP");
        event("kept-1", "kept", "person.terminated", "2026-10-01 00:00:00", "REJECTED");
        event("moot-1", "moot", "person.terminated", "2026-10-01 00:00:00", "IGNORED");
        event("later-1", "later", "person.terminated", "2027-10-01 00:00:00", "WAITING");
        migrations(dataSource).load().migrate();
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(manager);
        holders = new TokenHolders(JdbcClient.create(dataSource), manager);
    }

    @Test
    void peopleWhoLeftBeforeTheUpgradeAreRecordedAsLeftAndOnlyThey() {
        assertThat(lock("gone")).contains(new HolderDeparture("gone-1", NOV));
        assertThat(lock("again")).map(HolderDeparture::eventId).contains("again-2");
        assertThat(lock("back")).as("rehired after").isEmpty();
        assertThat(lock("kept")).as("wave rejected").isEmpty();
        assertThat(lock("moot")).as("ignored").isEmpty();
        assertThat(lock("later")).as("not in effect yet").isEmpty();
    }

    @Test
    void aDepartureLastsUntilALaterDatedReturnAndAWithdrawalOfItsOwnEvent() {
        transactions.executeWithoutResult(status -> holders.recordDeparture("erin", "nov", NOV));
        assertThat(lock("erin")).contains(new HolderDeparture("nov", NOV));

        transactions.executeWithoutResult(status -> holders.recordReturn("erin", Instant.parse("2026-10-01T00:00:00Z")));
        assertThat(lock("erin")).as("a rehire dated before").contains(new HolderDeparture("nov", NOV));

        transactions.executeWithoutResult(status -> holders.withdrawDeparture("erin", "another"));
        assertThat(lock("erin")).as("another event's withdrawal").isPresent();

        transactions.executeWithoutResult(status -> holders.recordReturn("erin", DEC));
        assertThat(lock("erin")).as("rehired after").isEmpty();

        transactions.executeWithoutResult(status -> holders.recordDeparture("erin", "dec", DEC));
        transactions.executeWithoutResult(status -> holders.withdrawDeparture("erin", "dec"));
        assertThat(lock("erin")).as("its wave rejected").isEmpty();
    }

    @Test
    void aSecondLockOfANewPersonWaitsForTheFirstAndReadsItsDeparture() throws Exception {
        assertTheSecondWaitsAndReadsTheFirst("newcomer");
    }

    @Test
    void aSecondLockOfAKnownPersonWaitsForTheFirstAndReadsItsDeparture() throws Exception {
        assertThat(lock("known")).isEmpty();
        assertTheSecondWaitsAndReadsTheFirst("known");
    }

    private void assertTheSecondWaitsAndReadsTheFirst(String username) throws Exception {
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            holders.lock(username);
            firstLocked.countDown();
            holders.recordDeparture(username, "first", NOV);
            await(release);
        }));
        assertThat(firstLocked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Optional<HolderDeparture>> second = CompletableFuture.supplyAsync(() -> lock(username));

        // H2 waits up to its lock timeout (2 s by default): well beyond this.
        assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).contains(new HolderDeparture("first", NOV));
    }

    private Optional<HolderDeparture> lock(String username) {
        return transactions.execute(status -> holders.lock(username));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void event(String id, String username, String type, String effectiveAt, String outcome) {
        jdbc.update("""
                insert into offboarding_event (id, username, source, reason, received_at, event_type, effective_at, outcome)
                values (?, ?, 'HR', 'test', timestamp '""" + effectiveAt + "', ?, timestamp '" + effectiveAt + "', ?)",
                id, username, type, outcome);
    }

    private static FluentConfiguration migrations(SimpleDriverDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common");
    }
}
