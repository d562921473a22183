package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * REDCap's log tables read by SQL, on H2 in MySQL mode (as the embedded default's simulator): the project's own table,
 * the rows without a project that concern tokens, in id order and bounded batches, every value scrubbed at the port.
 */
class DatabaseRedcapLogTest {

    static final String OLD = "0123456789ABCDEF0123456789ABCDEF";
    static final String POSTED = "fedcba9876543210fedcba9876543210";

    final String jdbcUrl = "jdbc:h2:mem:redcap_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=MySQL;NON_KEYWORDS=USER;DB_CLOSE_DELAY=-1";
    DatabaseTokenAdministration administration;
    DatabaseRedcapLog log;

    @BeforeEach
    void schema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", ""); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE redcap_projects (project_id INT PRIMARY KEY, log_event_table VARCHAR(20))");
            sql.execute("INSERT INTO redcap_projects VALUES (201, 'redcap_log_event4')");
            for (String table : List.of("redcap_log_event", "redcap_log_event4")) {
                sql.execute("CREATE TABLE " + table + " (log_event_id INT AUTO_INCREMENT PRIMARY KEY,"
                        + " project_id INT NOT NULL DEFAULT 0, ts BIGINT, user VARCHAR(255), ip VARCHAR(100),"
                        + " page VARCHAR(255), event VARCHAR(20), object_type VARCHAR(128), sql_log TEXT, pk VARCHAR(200),"
                        + " event_id INT, data_values TEXT, description VARCHAR(100), legacy INT DEFAULT 0, change_reason TEXT)");
            }
            sql.execute("INSERT INTO redcap_log_event4 (project_id, ts, user, page, event, object_type, pk, data_values,"
                    + " description) VALUES"
                    + " (201, 20261101013000, 'ada', 'ControlCenter/user_api_ajax.php', 'MANAGE', 'redcap_user_rights',"
                    + " 'alice', 'user = ''alice''', 'Regenerate API token for user; Replaced token = " + OLD + "'),"
                    + " (201, 20261101013100, 'alice', 'api/index.php', 'ERROR', NULL, NULL,"
                    + " 'token=" + POSTED + "&content=record&action=import', 'Failed API request (user rights invalid)'),"
                    + " (201, 20261101013200, 'alice', 'api/index.php', 'DATA_EXPORT', 'redcap_data', NULL,"
                    + " '{\"export_format\":\"json\"}', 'Export data (API)'),"
                    + " (202, 20261101013300, 'bob', 'api/index.php', 'DATA_EXPORT', 'redcap_data', NULL, NULL,"
                    + " 'Export data (API)')");
            sql.execute("INSERT INTO redcap_log_event (project_id, ts, user, page, event, object_type, pk, data_values,"
                    + " description) VALUES"
                    + " (0, 20261101010000, 'ada', 'ControlCenter/user_api_ajax.php', 'MANAGE', 'redcap_user_rights',"
                    + " 'alice', 'user = ''alice''', 'Create API token for user'),"
                    + " (0, 20261101010100, 'ada', 'ControlCenter/super_api_tokens.php', 'MANAGE', 'redcap_user_information',"
                    + " 'rita', 'user = ''rita''', 'Create Super API Token for user'),"
                    + " (0, 20261101010200, NULL, 'api/index.php', 'ERROR', NULL, NULL, 'token=" + OLD + "', "
                    + " 'Failed API request (invalid token)'),"
                    + " (0, 20261101010300, 'ada', 'ControlCenter/index.php', 'LOGIN', NULL, NULL, NULL, 'Login')");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", ""); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE redcap_log_view (log_view_id BIGINT AUTO_INCREMENT PRIMARY KEY, ts TIMESTAMP NULL,"
                    + " user VARCHAR(255), event VARCHAR(20), ip VARCHAR(100), browser_name VARCHAR(255),"
                    + " browser_version VARCHAR(255), full_url TEXT, page VARCHAR(255), project_id INT, event_id INT,"
                    + " record VARCHAR(100), form_name VARCHAR(100), miscellaneous TEXT, session_id VARCHAR(32))");
            sql.execute("INSERT INTO redcap_log_view (ts, user, event, page, project_id, miscellaneous) VALUES"
                    + " ('2026-11-01 01:30:05', 'alice', 'PAGE_VIEW', 'api/index.php', 201, " + request("version") + "),"
                    + " ('2026-11-01 01:30:06', 'alice', 'PAGE_VIEW', 'index.php', 201, NULL),"
                    + " ('2026-11-01 01:30:07', 'carol', 'PAGE_VIEW', 'api/index.php', 999, " + request("arm") + "),"
                    + " ('2026-11-01 01:30:08', NULL, 'PAGE_VIEW', 'api/index.php', NULL, " + request("arm") + "),"
                    + " ('2026-11-01 01:30:09', 'bob', 'PAGE_VIEW', 'api/index.php', 202,"
                    + " '// API Request: content = ''arm''; format = ''json''; token = ''" + POSTED + "'''),"
                    + " ('2026-11-01 01:30:10', 'alice', 'PAGE_VIEW', 'api/index.php', 201, " + request("event") + ")");
        }
        RedcapProperties properties = new RedcapProperties(Map.of(RedcapEnvironment.QA, new RedcapProperties.Server(
                URI.create("http://127.0.0.1:1/api/"), TokenAdministrationMode.DATABASE,
                new RedcapProperties.Database(jdbcUrl, "sa", ""), Map.of(), null, null, null, null, null)));
        administration = new DatabaseTokenAdministration(properties, new SecureRandomTokenValueGenerator(),
                Clock.systemUTC(), new SimpleMeterRegistry());
        log = new DatabaseRedcapLog(properties, administration);
    }

    @AfterEach
    void close() {
        administration.close();
    }

    @Test
    void aProjectsRowsComeFromItsOwnTableInIdOrderScrubbed() {
        List<RedcapLogRow> rows = log.projectRowsAfter(RedcapEnvironment.QA, 201, 0, 10);

        assertThat(rows).extracting(RedcapLogRow::id, RedcapLogRow::table, RedcapLogRow::user, RedcapLogRow::pk,
                RedcapLogRow::description).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "redcap_log_event4", "ada", "alice",
                        "Regenerate API token for user; Replaced token = [token]"),
                org.assertj.core.groups.Tuple.tuple(2L, "redcap_log_event4", "alice", null,
                        "Failed API request (user rights invalid)"),
                org.assertj.core.groups.Tuple.tuple(3L, "redcap_log_event4", "alice", null, "Export data (API)"));
        assertThat(rows.get(0).at()).as("REDCap's wall-clock time as written").isEqualTo(LocalDateTime.parse("2026-11-01T01:30:00"));
        assertThat(rows.get(0).tokenValues()).containsExactly(TokenFingerprint.of(OLD));
        assertThat(rows.get(1).details()).isEqualTo("token=[token]&content=record&action=import");
        assertThat(rows.get(1).tokenValues()).contains(TokenFingerprint.of(POSTED.toUpperCase()));
        assertThat(rows.toString()).doesNotContainIgnoringCase(OLD).doesNotContainIgnoringCase(POSTED);
    }

    private static String request(String content) {
        return "'// API Request: content = ''" + content + "''; format = ''json''; token = ''<redacted>'''";
    }

    @Test
    void apiRequestsOfTheGivenProjectsComeFromTheRequestLogInIdOrderScrubbed() {
        List<RedcapLogRow> rows = log.apiRequestsAfter(RedcapEnvironment.QA, List.of(201L, 202L), 0, 10);

        assertThat(rows).as("not a page of the UI, another project's or a request without a project")
                .extracting(RedcapLogRow::id, RedcapLogRow::table, RedcapLogRow::projectId, RedcapLogRow::user,
                        RedcapLogRow::event)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "redcap_log_view", 201L, "alice", "PAGE_VIEW"),
                        org.assertj.core.groups.Tuple.tuple(5L, "redcap_log_view", 202L, "bob", "PAGE_VIEW"),
                        org.assertj.core.groups.Tuple.tuple(6L, "redcap_log_view", 201L, "alice", "PAGE_VIEW"));
        assertThat(rows.get(0).at()).as("REDCap's wall-clock time as written").isEqualTo(LocalDateTime.parse("2026-11-01T01:30:05"));
        assertThat(rows.get(0).details()).isEqualTo("// API Request: content = 'version'; format = 'json'; token = '<redacted>'");
        assertThat(rows.get(0).tokenValues()).isEmpty();
        assertThat(rows.get(1).details()).isEqualTo("// API Request: content = 'arm'; format = 'json'; token = '[token]'");
        assertThat(rows.get(1).tokenValues()).contains(TokenFingerprint.of(POSTED.toUpperCase()));
        assertThat(rows.toString()).doesNotContainIgnoringCase(POSTED);
    }

    @Test
    void apiRequestsComeInBoundedBatchesAfterTheCursor() {
        assertThat(log.apiRequestsAfter(RedcapEnvironment.QA, List.of(201L, 202L), 0, 2)).extracting(RedcapLogRow::id)
                .containsExactly(1L, 5L);
        assertThat(log.apiRequestsAfter(RedcapEnvironment.QA, List.of(201L, 202L), 5, 2)).extracting(RedcapLogRow::id)
                .containsExactly(6L);
        assertThat(log.apiRequestsAfter(RedcapEnvironment.QA, List.of(201L, 202L), 6, 2)).isEmpty();
        assertThat(log.apiRequestsAfter(RedcapEnvironment.QA, List.of(), 0, 2)).as("no project enrolled").isEmpty();
    }

    @Test
    void batchesAreBoundedAndStartAfterTheCursor() {
        assertThat(log.projectRowsAfter(RedcapEnvironment.QA, 201, 0, 2)).extracting(RedcapLogRow::id).containsExactly(1L, 2L);
        assertThat(log.projectRowsAfter(RedcapEnvironment.QA, 201, 2, 2)).extracting(RedcapLogRow::id).containsExactly(3L);
        assertThat(log.projectRowsAfter(RedcapEnvironment.QA, 201, 3, 2)).isEmpty();
    }

    @Test
    void withoutAProjectOnlySuperTokenRowsAndFailedRequestsAreRead() {
        List<RedcapLogRow> rows = log.rowsWithoutProjectAfter(RedcapEnvironment.QA, 0, 10);

        assertThat(rows).extracting(RedcapLogRow::description)
                .containsExactly("Create Super API Token for user", "Failed API request (invalid token)");
        assertThat(rows.get(1).details()).isEqualTo("token=[token]");
        assertThat(log.rowsWithoutProjectAfter(RedcapEnvironment.QA, rows.get(1).id(), 10)).isEmpty();
    }

    @Test
    void aRowWhoseTsIsNoRealMomentIsRefused() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO redcap_log_event4 (project_id, ts, user, page, event, description)"
                    + " VALUES (201, 20261131120000, 'alice', 'api/index.php', 'DATA_EXPORT', 'Export data (API)')");
        }

        assertThatThrownBy(() -> log.projectRowsAfter(RedcapEnvironment.QA, 201, 3, 10))
                .isInstanceOf(RedcapException.class).hasMessageContaining("ts that is not YYYYMMDDhhmmss: 20261131120000");
    }
}
