package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The request button's rows of REDCap's to-do list on H2 in MySQL mode (as the embedded default's simulator uses; the
 * DDL is a minimal copy of REDCap's): which rows are pending, and how one is closed.
 */
class DatabaseRedcapTodoListTest {

    /** 10:00 on 6 December 2026 in New York, where this REDCap server stands. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T15:00:00Z"), ZoneOffset.UTC);

    final String jdbcUrl = "jdbc:h2:mem:redcap_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=MySQL;NON_KEYWORDS=USER;DB_CLOSE_DELAY=-1";
    Connection keepAlive;
    JdbcTemplate redcap;
    DatabaseTokenAdministration administration;
    DatabaseRedcapTodoList todoList;

    @BeforeEach
    void redcap() throws SQLException {
        keepAlive = DriverManager.getConnection(jdbcUrl, "sa", "");
        try (Statement ddl = keepAlive.createStatement()) {
            ddl.execute("CREATE TABLE redcap_user_information (ui_id INT AUTO_INCREMENT PRIMARY KEY,"
                    + " username VARCHAR(191) UNIQUE, user_email VARCHAR(255))");
            ddl.execute("CREATE TABLE redcap_todo_list (request_id INT AUTO_INCREMENT PRIMARY KEY, request_from INT,"
                    + " request_to VARCHAR(255), todo_type VARCHAR(255), todo_type_id INT, action_url TEXT,"
                    + " status ENUM('pending', 'low-priority', 'completed', 'archived'), request_time DATETIME,"
                    + " project_id INT, request_completion_time DATETIME, request_completion_userid INT, comment TEXT)");
        }
        redcap = new JdbcTemplate(new SingleConnectionDataSource(keepAlive, true));
        redcap.update("INSERT INTO redcap_user_information (username) VALUES ('alice'), ('ada')");
        RedcapProperties properties = new RedcapProperties(Map.of(RedcapEnvironment.PROD, new RedcapProperties.Server(
                URI.create("http://127.0.0.1:1/api/"), TokenAdministrationMode.DATABASE,
                new RedcapProperties.Database(jdbcUrl, "sa", ""), Map.of(), null, ZoneId.of("America/New_York"), null,
                null, null), RedcapEnvironment.QA, new RedcapProperties.Server(URI.create("http://127.0.0.1:1/api/"),
                TokenAdministrationMode.MANUAL, null, Map.of(), null, null, null, null, null)));
        administration = new DatabaseTokenAdministration(properties, new SecureRandomTokenValueGenerator(), CLOCK,
                new SimpleMeterRegistry());
        todoList = new DatabaseRedcapTodoList(properties, administration, CLOCK);
    }

    @AfterEach
    void close() throws SQLException {
        administration.close();
        keepAlive.close();
    }

    long row(String todoType, String status, Integer requestFrom, Integer projectId) {
        redcap.update("INSERT INTO redcap_todo_list (request_from, request_to, todo_type, status, request_time, project_id)"
                + " VALUES (?, 'pi@example.org', ?, ?, '2026-12-05 17:45:00', ?)", requestFrom, todoType, status, projectId);
        return redcap.queryForObject("SELECT MAX(request_id) FROM redcap_todo_list", Long.class);
    }

    @Test
    void pendingTokenRequestsAreTheButtonsOpenRowsWithTheRequestersName() {
        long alices = row("token access", "pending", 1, 101);
        row("token access", "completed", 1, 101);
        row("token access", "low-priority", 1, 101);
        row("move to prod", "pending", 1, 101);
        long unknownUser = row("token access", "pending", 99, 102);

        assertThat(todoList.pendingTokenRequests(RedcapEnvironment.PROD)).containsExactly(
                new TokenAccessRequest(RedcapEnvironment.PROD, alices, 101, "alice", LocalDateTime.of(2026, 12, 5, 17, 45)),
                new TokenAccessRequest(RedcapEnvironment.PROD, unknownUser, 102, null, LocalDateTime.of(2026, 12, 5, 17, 45)));
    }

    @Test
    void closingWritesStatusLocalTimeTheClosersUiIdAndTheCommentOnceAndOnlyOnAnOpenRow() {
        long pending = row("token access", "pending", 1, 101);
        long lowPriority = row("token access", "low-priority", 1, 101);
        long closedInRedcap = row("token access", "completed", 1, 101);

        assertThat(todoList.close(RedcapEnvironment.PROD, pending, TodoStatus.COMPLETED, "issued", "ADA")).isTrue();
        assertThat(todoList.close(RedcapEnvironment.PROD, lowPriority, TodoStatus.ARCHIVED, "refused", null)).isTrue();
        assertThat(todoList.close(RedcapEnvironment.PROD, closedInRedcap, TodoStatus.ARCHIVED, "refused", null)).isFalse();
        assertThat(todoList.close(RedcapEnvironment.PROD, pending, TodoStatus.ARCHIVED, "again", null)).isFalse();

        assertThat(redcap.queryForMap("SELECT status, request_completion_time, request_completion_userid, comment"
                + " FROM redcap_todo_list WHERE request_id = ?", pending)).containsEntry("STATUS", "completed")
                .containsEntry("REQUEST_COMPLETION_TIME", java.sql.Timestamp.valueOf("2026-12-06 10:00:00"))
                .containsEntry("REQUEST_COMPLETION_USERID", 2).containsEntry("COMMENT", "issued");
        assertThat(redcap.queryForMap("SELECT status, request_completion_userid FROM redcap_todo_list WHERE request_id = ?",
                lowPriority)).containsEntry("STATUS", "archived").containsEntry("REQUEST_COMPLETION_USERID", null);
        assertThat(redcap.queryForObject("SELECT comment FROM redcap_todo_list WHERE request_id = ?", String.class,
                closedInRedcap)).isNull();
    }

    @Test
    void onlyDatabaseModeServersAreReadable() {
        assertThat(todoList.readable(RedcapEnvironment.PROD)).isTrue();
        assertThat(todoList.readable(RedcapEnvironment.QA)).as("manual mode: REDCap's API cannot read the to-do list")
                .isFalse();
    }
}
