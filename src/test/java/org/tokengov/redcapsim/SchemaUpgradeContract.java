package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A database made by the first simulator (username as the key of people, none of the newer columns or tables) is
 * brought up to date in place when the simulator starts on it, keeping its rows; starting again changes nothing.
 * Run on H2 ({@link RedcapSchemaUpgradeTest}) and MariaDB ({@link RedcapSchemaUpgradeIT}).
 */
abstract class SchemaUpgradeContract {

    private static final String STEWARD = "00112233445566778899AABBCCDDEEFF";

    abstract String url();

    abstract String username();

    abstract DataSource dataSource();

    @Test
    void aDatabaseOfTheFirstSimulatorIsBroughtUpToDateAndKeepsItsRows() {
        JdbcTemplate sql = new JdbcTemplate(dataSource());
        new ResourceDatabasePopulator(new ClassPathResource("redcapsim/first-version-schema.sql")).execute(dataSource());
        sql.update("INSERT INTO redcap_projects (project_id, app_title, status) VALUES (101, 'Old demo', 1)");
        sql.update("INSERT INTO redcap_user_information (username, user_email) VALUES ('alice', 'alice@example.org')");
        sql.update("INSERT INTO redcap_user_information (username, user_email) VALUES ('bob', 'bob@example.org')");
        sql.update("INSERT INTO redcap_user_rights (project_id, username, api_token, api_export)"
                + " VALUES (101, 'alice', 'ABCDEFABCDEFABCDEFABCDEFABCDEF12', 1)");
        sql.update("INSERT INTO redcap_log_event (project_id, ts, user, page, event, object_type, pk, description)"
                + " VALUES (101, 20250101120000, 'alice', 'api/index.php', 'MANAGE', 'redcap_projects', '101',"
                + " 'Export REDCap version (API)')");
        RedcapSimProperties.Environment settings =
                new RedcapSimProperties.Environment(url(), username(), "", true, Map.of(101, STEWARD), null);
        SimulatorClock clock = new SimulatorClock(ZoneId.of("UTC"));
        clock.use(Clock.fixed(LocalDateTime.of(2026, 1, 2, 3, 4, 5).atZone(ZoneId.of("UTC")).toInstant(), ZoneId.of("UTC")));

        try (RedcapServer server = RedcapServer.start("prod", settings, clock)) {
            assertThat(server.users().find("alice").orElseThrow().uiId()).isPositive();
            assertThat(server.users().find("bob").orElseThrow().uiId()).isNotEqualTo(server.users().find("alice")
                    .orElseThrow().uiId());
            assertThat(server.projects().find(101).orElseThrow().title()).as("the row is kept").isEqualTo("Old demo");
            assertThat(server.projects().find(101).orElseThrow().logEventTable()).isEqualTo(LogTables.DEFAULT);
            assertThat(server.projectUsers().token(101, "alice")).contains("ABCDEFABCDEFABCDEFABCDEFABCDEF12");
            assertThat(server.log().find(101, new LogFilter(null, null, null, null, null)))
                    .extracting(StoredLogEvent::description).containsExactly("Export REDCap version (API)");
            server.log().append(new LogEvent(101, "bob", "192.0.2.1", LogEvent.API_PAGE, "ERROR", null, null, 7, "x=1",
                    "Failed API request (invalid token)"));
            assertThat(sql.queryForMap("SELECT ip, event_id, data_values FROM redcap_log_event WHERE event = 'ERROR'"))
                    .containsValues("192.0.2.1", 7, "x=1");
            assertThat(server.roles().list(101)).hasSize(1);
            server.logViews().appendApiRequest(new ApiRequest(Map.of("content", "version"), Map.of(), "", "192.0.2.1"));
            assertThat(sql.queryForObject("SELECT miscellaneous FROM redcap_log_view", String.class))
                    .as("the request log is added").isEqualTo("// API Request: content = 'version'; format = '';"
                            + " token = '<redacted>'");
            assertThat(server.config().getInt(RedcapConfig.PAGE_HIT_THRESHOLD_PER_MINUTE)).isEqualTo(600);
        }
        int people = sql.queryForObject("SELECT COUNT(*) FROM redcap_user_information", Integer.class);

        try (RedcapServer again = RedcapServer.start("prod", settings, clock)) {
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM redcap_user_information", Integer.class)).isEqualTo(people);
            assertThat(again.projectUsers().token(101, DemoData.STEWARD)).contains(STEWARD);
            assertThat(List.of(again.users().find("alice").orElseThrow().username())).containsExactly("alice");
        }
    }
}
