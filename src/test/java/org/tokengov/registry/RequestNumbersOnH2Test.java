package org.tokengov.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Request numbers on H2, the embedded default's database: V21 numbers the requests filed before it per year in
 * submission order and sets the counter; new requests go on from there, and start at 1 in a new year.
 */
class RequestNumbersOnH2Test {

    JdbcTemplate jdbc;
    TransactionTemplate transactions;
    RequestNumbers numbers;

    @BeforeEach
    void migrateWithEarlierRequests() {
        String url = "jdbc:h2:mem:numbers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
        migrations(dataSource).target("20").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        request("r-b", "2025-11-02 10:00:00");
        request("r-a", "2025-03-01 09:00:00");
        request("r-d", "2026-01-05 08:00:00");
        request("r-c", "2026-01-02 08:00:00");
        request("r-e", "2026-02-01 08:00:00");
        migrations(dataSource).load().migrate();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        numbers = new RequestNumbers(jdbc);
    }

    @Test
    void requestsFiledBeforeAreNumberedPerYearInSubmissionOrder() {
        assertThat(numberOf("r-a")).isEqualTo("REQ-2025-0001");
        assertThat(numberOf("r-b")).isEqualTo("REQ-2025-0002");
        assertThat(numberOf("r-c")).isEqualTo("REQ-2026-0001");
        assertThat(numberOf("r-d")).isEqualTo("REQ-2026-0002");
        assertThat(numberOf("r-e")).isEqualTo("REQ-2026-0003");
    }

    @Test
    void newRequestsGoOnAfterTheLastNumberAndANewYearStartsAtOne() {
        assertThat(next("2026-06-01T10:00:00Z")).isEqualTo("REQ-2026-0004");
        assertThat(next("2026-06-01T10:00:01Z")).isEqualTo("REQ-2026-0005");
        assertThat(next("2027-01-01T00:00:00Z")).isEqualTo("REQ-2027-0001");
    }

    @Test
    void aClockBackInAnEarlierYearGoesOnAfterThatYearsHighestNumber() {
        assertThat(next("2025-12-31T23:00:00Z")).isEqualTo("REQ-2025-0003");
        assertThat(next("2026-06-01T10:00:00Z")).isEqualTo("REQ-2026-0004");
    }

    @Test
    void aNumberIsGivenOnce() {
        assertThatThrownBy(() -> jdbc.update("update token_request set request_number = 'REQ-2026-0001' where id = 'r-e'"))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private String next(String at) {
        return transactions.execute(status -> {
            String number = numbers.next(Instant.parse(at));
            jdbc.update("""
                    insert into token_request (id, request_number, requester, production_project_id, qa_project_id,
                        right_export, right_import, right_mobile_app, intended_use, usage_description, call_schedule,
                        expected_calls_per_day, status, submitted_at, version)
                    values (?, ?, 'alice', 101, 201, true, false, false, 'SCHEDULED_EXPORT', 'Nightly export.', 'Nightly',
                        10, 'SUBMITTED', current_timestamp, 0)""", UUID.randomUUID().toString(), number);
            return number;
        });
    }

    private void request(String id, String submittedAt) {
        jdbc.update("""
                insert into token_request (id, requester, production_project_id, qa_project_id, right_export,
                    right_import, right_mobile_app, intended_use, usage_description, call_schedule,
                    expected_calls_per_day, status, submitted_at, version)
                values (?, 'alice', 101, 201, true, false, false, 'SCHEDULED_EXPORT', 'Nightly export.', 'Nightly', 10,
                    'SUBMITTED', timestamp '""" + submittedAt + "', 0)", id);
    }

    private String numberOf(String id) {
        return jdbc.queryForObject("select request_number from token_request where id = ?", String.class, id);
    }

    private static FluentConfiguration migrations(SimpleDriverDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common");
    }
}
