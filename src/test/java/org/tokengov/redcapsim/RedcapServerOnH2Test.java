package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 3, 4, 12, 0, 30);

    private final String url = "jdbc:h2:mem:redcap-sim-" + UUID.randomUUID() + ";MODE=MySQL;NON_KEYWORDS=USER;DB_CLOSE_DELAY=-1";
    private final RedcapSimProperties.Environment settings =
            new RedcapSimProperties.Environment(url, "sa", "", true, Map.of(101, STEWARD_TOKEN));
    private final SimulatorClock clock = new SimulatorClock();
    private final JdbcTemplate sql = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    private RedcapServer server;

    @BeforeEach
    void start() {
        clock.use(Clock.fixed(NOON.toInstant(ZoneOffset.UTC), ZoneId.of("UTC")));
        server = RedcapServer.start("prod", settings, clock);
    }

    @AfterEach
    void stop() {
        server.close();
        sql.execute("SHUTDOWN");
    }

    @Test
    void seedsTheDemoPeopleAndTheProductionProject() {
        assertThat(sql.queryForList("SELECT username FROM redcap_user_information ORDER BY username", String.class))
                .containsExactly("ada", "alice", "bob", "carol", "erin", "eve", "pat", "rita", "sam", "svc_etl", "tokengov_steward");
        assertThat(sql.queryForObject("SELECT super_user FROM redcap_user_information WHERE username = 'ada'", Integer.class))
                .isEqualTo(1);
        assertThat(server.projects().find(101)).contains(new Projects.Project(101, "Demo Study (production)", 1));
        assertThat(server.projectUsers().list(101)).extracting(ProjectUser::username)
                .containsExactly("alice", "bob", "carol", "erin", "eve", "pat", "rita", "svc_etl", "tokengov_steward");
        assertThat(server.projectUsers().list(101)).filteredOn(user -> user.userRights() == 1)
                .extracting(ProjectUser::username).containsExactly("pat", "tokengov_steward");
        assertThat(server.projectUsers().list(101)).filteredOn(user -> user.expiration() != null)
                .extracting(ProjectUser::username, ProjectUser::expiration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("carol", LocalDate.of(2020, 1, 1)));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM redcap_user_rights WHERE api_token IS NOT NULL", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void startingAgainOnTheSameDatabaseAddsNothing() {
        sql.update("UPDATE redcap_user_rights SET api_export = 1 WHERE username = 'bob'");
        server.close();

        server = RedcapServer.start("prod", settings, clock);

        assertThat(sql.queryForObject("SELECT COUNT(*) FROM redcap_user_information", Integer.class)).isEqualTo(11);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM redcap_user_rights", Integer.class)).isEqualTo(9);
        assertThat(sql.queryForObject("SELECT api_export FROM redcap_user_rights WHERE username = 'bob'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void theStewardTokenOpensTheProjectWithTheStewardsRights() {
        TokenOwner steward = server.tokens().authenticate(STEWARD_TOKEN, NOON.toLocalDate());

        assertThat(steward).isEqualTo(new TokenOwner(101, "tokengov_steward", null, false, true, true, true, true));
    }

    @Test
    void refusesUnknownSuspendedAndExpiredTokens() {
        sql.update("UPDATE redcap_user_rights SET api_token = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' WHERE username = 'carol'");
        sql.update("UPDATE redcap_user_rights SET api_token = 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' WHERE username = 'bob'");
        sql.update("UPDATE redcap_user_information SET user_suspended_time = CURRENT_TIMESTAMP WHERE username = 'bob'");

        assertRefused("CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC", ApiTokens.NO_PERMISSION);
        assertRefused("not-a-token!", ApiTokens.NO_PERMISSION);
        assertRefused(null, ApiTokens.NO_PERMISSION);
        assertRefused("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", ApiTokens.NO_PERMISSION);
        assertRefused("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "You do not have API rights because your privileges have expired for this project as of 2020-01-01.");
    }

    @Test
    void importedUsersGetOnlyTheAttributesGiven() {
        assertThat(server.projectUsers().apply(101, new UserRightsChange("sam", Map.of(UserRightsField.API_EXPORT, 1))))
                .isEqualTo(ProjectUsers.Applied.ADDED);
        assertThat(server.projectUsers().apply(101, new UserRightsChange("bob",
                Map.of(UserRightsField.EXPIRATION, LocalDate.of(2027, 1, 31), UserRightsField.LOGGING, 1))))
                .isEqualTo(ProjectUsers.Applied.UPDATED);

        assertThat(server.projectUsers().list(101)).filteredOn(user -> user.username().equals("sam")).singleElement()
                .isEqualTo(new ProjectUser("sam", "sam@example.org", "Sam", "Sato", null, 0, 1, 0, 0, 0));
        assertThat(server.projectUsers().list(101)).filteredOn(user -> user.username().equals("bob")).singleElement()
                .isEqualTo(new ProjectUser("bob", "bob@example.org", "Bob", "Baker", LocalDate.of(2027, 1, 31), 0, 0, 0, 0, 1));
        assertThat(server.users().unknown(java.util.List.of("sam", "mallory", "trudy"))).containsExactly("mallory", "trudy");
    }

    @Test
    void removingAUserTakesTheirTokenAlong() {
        server.projectUsers().remove(101, "tokengov_steward");

        assertThat(server.projectUsers().token(101, "tokengov_steward")).isEmpty();
        assertRefused(STEWARD_TOKEN, ApiTokens.NO_PERMISSION);
    }

    @Test
    void logEventsAreStampedWithServerTimeAndFoundNewestFirst() {
        server.log().append(LogEvent.apiCall(101, "tokengov_steward", "redcap_user_rights", "Export users (API)"));
        clock.use(Clock.fixed(NOON.plusHours(1).toInstant(ZoneOffset.UTC), ZoneId.of("UTC")));
        server.log().append(LogEvent.apiCall(101, "bob", "redcap_projects", "Export REDCap version (API)"));
        server.log().append(LogEvent.apiCall(201, "bob", "redcap_projects", "Export REDCap version (API)"));

        assertThat(sql.queryForMap("SELECT ts, redcap_log_event.user, page, event, pk FROM redcap_log_event WHERE redcap_log_event.user = 'tokengov_steward'"))
                .containsEntry("TS", 20260304120030L).containsEntry("PAGE", "api/index.php")
                .containsEntry("EVENT", "MANAGE").containsEntry("PK", "101");
        assertThat(server.log().find(101, new LogFilter(null, null, null, null, null)))
                .extracting(StoredLogEvent::username).containsExactly("bob", "tokengov_steward");
        assertThat(server.log().find(101, new LogFilter(LogType.MANAGE, "bob", null, null, null)))
                .extracting(StoredLogEvent::ts).containsExactly(20260304130030L);
        assertThat(server.log().find(101, new LogFilter(null, null, null, null, NOON.withSecond(0))))
                .extracting(StoredLogEvent::username).containsExactly("tokengov_steward");
        assertThat(server.log().find(101, new LogFilter(LogType.USER, null, null, null, null))).isEmpty();
    }

    private void assertRefused(String token, String message) {
        assertThatThrownBy(() -> server.tokens().authenticate(token, NOON.toLocalDate()))
                .isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(error).hasMessage(message);
                });
    }
}
