package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The simulator's SQL on H2 in MySQL mode, the database of the embedded default. */
class RedcapServerOnH2Test {

    private static final String STEWARD_TOKEN = "0123456789ABCDEF0123456789ABCDEF";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 3, 4, 12, 0, 30);

    /** As the embedded default's URL, less the file: the simulator itself makes H2 take `value` as a name. */
    private final String url = "jdbc:h2:mem:redcap-sim-" + UUID.randomUUID() + ";MODE=MySQL;NON_KEYWORDS=USER;DB_CLOSE_DELAY=-1";
    private final RedcapSimProperties.Environment settings =
            new RedcapSimProperties.Environment(url, "sa", "", true, Map.of(101, STEWARD_TOKEN), null);
    private final SimulatorClock clock = new SimulatorClock(NEW_YORK);
    private final JdbcTemplate sql = new JdbcTemplate(new DriverManagerDataSource(url.replace("USER;", "USER,VALUE;"), "sa", ""));
    private RedcapServer server;

    @BeforeEach
    void start() {
        clock.use(Clock.fixed(NOON.atZone(NEW_YORK).toInstant(), NEW_YORK));
        server = RedcapServer.start("prod", settings, clock);
    }

    @AfterEach
    void stop() {
        server.close();
        sql.execute("SHUTDOWN");
    }

    @Test
    void seedsTheDemoPeopleAndTheProductionProject() {
        assertThat(sql.queryForList("SELECT username FROM redcap_user_information ORDER BY ui_id", String.class))
                .containsExactly("alice", "bob", "rita", "pat", "sam", "ada", "carol", "svc_etl", "erin", "eve",
                        "tokengov_steward");
        assertThat(server.users().find("ada")).hasValueSatisfying(ada -> assertThat(ada.superUser()).isTrue());
        Projects.Project project = server.projects().find(101).orElseThrow();
        assertThat(project.title()).isEqualTo("Demo Study (production)");
        assertThat(project.status()).isEqualTo(1);
        assertThat(project.logEventTable()).as("not the default table").isEqualTo("redcap_log_event5");
        assertThat(project.creationTime()).isEqualTo(LocalDateTime.of(2019, 6, 3, 9, 0));
        assertThat(project.contactEmail()).isEqualTo("ada@example.org");
        assertThat(server.projectUsers().list(101)).extracting(ProjectUser::username)
                .containsExactly("alice", "bob", "carol", "erin", "eve", "pat", "rita", "svc_etl", "tokengov_steward");
        assertThat(server.projectUsers().list(101)).filteredOn(user -> user.rights().userRights() == 1)
                .extracting(ProjectUser::username).containsExactly("pat", "tokengov_steward");
        assertThat(server.projectUsers().list(101)).filteredOn(user -> user.expiration() != null)
                .extracting(ProjectUser::username, ProjectUser::expiration)
                .containsExactly(tuple("carol", LocalDate.of(2020, 1, 1)));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE api_token IS NOT NULL", Integer.class))
                .isEqualTo(1);
        assertThat(server.roles().list(101)).extracting(UserRole::roleName).containsExactly("Data Analyst");
        assertThat(server.roles().list(101).get(0).uniqueRoleName()).matches("U-\\d{3}[A-Z0-9]{7}");
        assertThat(server.dictionary().fields(101)).extracting(Field::name).startsWith("record_id", "enrollment_date");
        assertThat(server.records().names(101)).containsExactly("1", "2", "3");
    }

    @Test
    void holdsREDCapsDefaultSettings() {
        assertThat(server.config().get(RedcapConfig.API_TOKEN_REQUEST_TYPE)).isEqualTo("admin_approve");
        assertThat(server.config().getInt(RedcapConfig.PAGE_HIT_THRESHOLD_PER_MINUTE)).isEqualTo(600);
        assertThat(server.config().get(RedcapConfig.SEND_EMAILS_ADMIN_TASKS)).isEqualTo("1");
        assertThat(server.config().get(RedcapConfig.RATE_LIMITER_IP_RANGE)).isEmpty();
    }

    @Test
    void startingAgainOnTheSameDatabaseAddsNothingAndKeepsChanges() {
        sql.update("UPDATE redcap_user_rights SET api_export = 1 WHERE username = 'bob'");
        sql.update("UPDATE redcap_config SET value = 'auto_approve_all' WHERE field_name = 'api_token_request_type'");
        int values = sql.queryForObject("SELECT COUNT(*) FROM redcap_data", Integer.class);
        server.close();

        server = RedcapServer.start("prod", settings, clock);

        assertThat(sql.queryForObject("SELECT COUNT(*) FROM redcap_user_information", Integer.class)).isEqualTo(11);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM redcap_user_rights", Integer.class)).isEqualTo(9);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM redcap_user_roles", Integer.class)).isEqualTo(1);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM redcap_data", Integer.class)).isEqualTo(values);
        assertThat(sql.queryForObject("SELECT api_export FROM redcap_user_rights WHERE username = 'bob'", Integer.class))
                .isEqualTo(1);
        assertThat(server.config().get(RedcapConfig.API_TOKEN_REQUEST_TYPE)).isEqualTo("auto_approve_all");
    }

    @Test
    void aConfiguredThresholdReplacesTheOneInTheDatabase() {
        server.close();

        server = RedcapServer.start("prod", new RedcapSimProperties.Environment(url, "sa", "", true, Map.of(), 5000), clock);

        assertThat(server.config().getInt(RedcapConfig.PAGE_HIT_THRESHOLD_PER_MINUTE)).isEqualTo(5000);
    }

    @Test
    void createsEveryLogTableWithTheSameColumns() {
        List<String> expected = List.of("LOG_EVENT_ID", "PROJECT_ID", "TS", "USER", "IP", "PAGE", "EVENT", "OBJECT_TYPE",
                "SQL_LOG", "PK", "EVENT_ID", "DATA_VALUES", "DESCRIPTION", "LEGACY", "CHANGE_REASON");
        for (String table : LogTables.ALL) {
            assertThat(sql.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                    + " ORDER BY ordinal_position", String.class, table.toUpperCase())).as(table).isEqualTo(expected);
        }
        assertThat(LogTables.ALL).hasSize(12).startsWith("redcap_log_event", "redcap_log_event2").endsWith("redcap_log_event12");
    }

    @Test
    void theStewardTokenOpensTheProjectWithTheStewardsRights() {
        TokenOwner steward = server.tokens().authenticate(apiCall(STEWARD_TOKEN), NOON.toLocalDate());

        assertThat(steward.projectId()).isEqualTo(101);
        assertThat(steward.username()).isEqualTo("tokengov_steward");
        assertThat(steward.mayExport()).isTrue();
        assertThat(steward.mayImport()).isTrue();
        assertThat(steward.rights().userRights()).isEqualTo(1);
        assertThat(steward.mayReadLogging()).isTrue();
        assertThat(steward.mayDeleteRecords()).isFalse();
    }

    @Test
    void refusesUnknownSuspendedAndExpiredTokensWithTheRowREDCapLogs() {
        sql.update("UPDATE redcap_user_rights SET api_token = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' WHERE username = 'carol'");
        sql.update("UPDATE redcap_user_rights SET api_token = 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' WHERE username = 'bob'");
        sql.update("UPDATE redcap_user_information SET user_suspended_time = CURRENT_TIMESTAMP WHERE username = 'bob'");

        assertRefused("CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC", ApiTokens.NO_PERMISSION, "Failed API request (invalid token)");
        assertRefused("not-a-token!", ApiTokens.NO_PERMISSION, "Failed API request (invalid token)");
        assertRefused(null, ApiTokens.NO_PERMISSION, "Failed API request (invalid token)");
        assertRefused("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", ApiTokens.NO_PERMISSION, "Failed API request (invalid token)");
        assertRefused("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "You do not have API rights because your privileges have expired for this project as of 2020-01-01.",
                "Failed API request (user rights expired)");
    }

    @Test
    void importedUsersGetOnlyTheAttributesGiven() {
        assertThat(server.projectUsers().apply(101, new UserRightsChange("sam", Map.of(UserRightsField.API_EXPORT, 1))))
                .isEqualTo(ProjectUsers.Applied.ADDED);
        assertThat(server.projectUsers().apply(101, new UserRightsChange("bob",
                Map.of(UserRightsField.EXPIRATION, LocalDate.of(2027, 1, 31), UserRightsField.LOGGING, 1))))
                .isEqualTo(ProjectUsers.Applied.UPDATED);

        ProjectUser sam = server.projectUsers().find(101, "sam").orElseThrow();
        assertThat(sam.email()).isEqualTo("sam@example.org");
        assertThat(sam.rights()).isEqualTo(new Rights(0, 0, 0, null, null, null, 0, 1, 0, 0, 0, 0));
        ProjectUser bob = server.projectUsers().find(101, "bob").orElseThrow();
        assertThat(bob.expiration()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(bob.rights().dataLogging()).isEqualTo(1);
        assertThat(server.users().unknown(List.of("sam", "mallory", "trudy"))).containsExactly("mallory", "trudy");
    }

    @Test
    void aRolesRightsWinOverTheUsersRow() {
        UserRole monitors = server.roles().create(101, "Monitors", Map.of(UserRightsField.API_IMPORT, 1));
        sql.update("UPDATE redcap_user_rights SET api_export = 1, api_token = 'DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD'"
                + " WHERE username = 'alice'");

        server.projectUsers().assignRole(101, "alice", monitors.roleId());

        ProjectUser alice = server.projectUsers().find(101, "alice").orElseThrow();
        assertThat(alice.uniqueRoleName()).isEqualTo(monitors.uniqueRoleName());
        assertThat(alice.rights().apiExport()).isZero();
        assertThat(alice.rights().apiImport()).isEqualTo(1);
        TokenOwner owner = server.tokens().authenticate(apiCall("DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD"), NOON.toLocalDate());
        assertThat(owner.mayExport()).isFalse();
        assertThat(owner.mayImport()).isTrue();
        assertThat(server.projectUsers().membersOfRole(monitors.roleId())).isEqualTo(1);
    }

    @Test
    void removingAUserTakesTheirTokenAlong() {
        server.projectUsers().remove(101, "tokengov_steward");

        assertThat(server.projectUsers().token(101, "tokengov_steward")).isEmpty();
        assertRefused(STEWARD_TOKEN, ApiTokens.NO_PERMISSION, "Failed API request (invalid token)");
    }

    @Test
    void logRowsGoToTheProjectsTableInServerTimeAndAreFoundNewestFirst() {
        TokenOwner steward = server.tokens().authenticate(apiCall(STEWARD_TOKEN), NOON.toLocalDate());
        server.log().append(LogEvent.manage(steward, apiCall(STEWARD_TOKEN), "redcap_user_rights", "Export users (API)"));
        clock.use(Clock.fixed(NOON.plusHours(1).atZone(NEW_YORK).toInstant(), NEW_YORK));
        server.log().append(LogEvent.failedRequest(0, null, apiCall("nonsense"), "invalid token"));
        server.log().append(new LogEvent(101, "bob", "192.0.2.10", LogEvent.API_PAGE, "MANAGE", "redcap_projects", "101",
                null, "project_id = 101", "Export REDCap version (API)"));

        assertThat(sql.queryForMap("SELECT ts, redcap_log_event5.user, ip, page, event, pk, data_values"
                        + " FROM redcap_log_event5 WHERE redcap_log_event5.user = 'tokengov_steward'"))
                .containsEntry("TS", 20260304120030L).containsEntry("IP", "192.0.2.10")
                .containsEntry("PAGE", "api/index.php").containsEntry("EVENT", "MANAGE").containsEntry("PK", "101")
                .containsEntry("DATA_VALUES", "project_id = 101");
        assertThat(sql.queryForObject("SELECT project_id FROM redcap_log_event WHERE event = 'ERROR'", Integer.class))
                .as("project 0 goes to the default table").isZero();
        assertThat(server.log().find(101, new LogFilter(null, null, null, null, null)))
                .extracting(StoredLogEvent::username).containsExactly("bob", "tokengov_steward");
        assertThat(server.log().find(101, new LogFilter(LogType.MANAGE, "bob", null, null, null)))
                .extracting(StoredLogEvent::ts).containsExactly(20260304130030L);
        assertThat(server.log().find(101, new LogFilter(null, null, null, null, NOON.withSecond(30))))
                .extracting(StoredLogEvent::username).containsExactly("tokengov_steward");
        assertThat(server.log().find(101, new LogFilter(LogType.USER, null, null, null, null))).isEmpty();
    }

    private void assertRefused(String token, String message, String logged) {
        assertThatThrownBy(() -> server.tokens().authenticate(apiCall(token), NOON.toLocalDate()))
                .isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(error).hasMessage(message);
                    assertThat(error.logEvent()).hasValueSatisfying(row -> {
                        assertThat(row.event()).isEqualTo("ERROR");
                        assertThat(row.projectId()).isZero();
                        assertThat(row.description()).isEqualTo(logged);
                    });
                });
    }

    private static ApiRequest apiCall(String token) {
        return token == null ? LogFilterTest.request("content", "version")
                : LogFilterTest.request("token", token, "content", "version");
    }
}
