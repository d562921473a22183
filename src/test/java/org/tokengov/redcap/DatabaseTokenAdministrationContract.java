package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What {@link DatabaseTokenAdministration} must do on REDCap's schema, run against each database REDCap (or the
 * simulator) uses: {@code DatabaseTokenAdministrationTest} on H2 in MySQL mode, {@code DatabaseTokenAdministrationIT}
 * on MariaDB. Each test gets fresh tables; the DDL is a minimal copy of REDCap's (the simulator owns the real one).
 */
abstract class DatabaseTokenAdministrationContract {

    static final long PROD_PROJECT = 101;
    static final long OTHER_PROJECT = 102;
    static final String ACTOR = "ada";
    /** 10:30:00 on 28 November 2026 in Chicago: REDCap logs local server time. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T16:30:00Z"), ZoneId.of("America/Chicago"));
    static final long EXPECTED_TS = 20261128103000L;
    /** Project 101's log table ({@code redcap_projects.log_event_table}). */
    static final String PROJECT_LOG = "redcap_log_event5";

    private final PlantedValues planted = new PlantedValues();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DatabaseTokenAdministration administration;

    /** A JDBC URL of an empty database; the same database may be handed out again (tables are recreated). */
    abstract String jdbcUrl();

    abstract String username();

    @BeforeEach
    void createRedcapTables() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : List.of(PROJECT_LOG, "redcap_log_event", "redcap_user_rights", "redcap_user_roles",
                    "redcap_projects", "redcap_user_information")) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
            statement.execute("""
                    CREATE TABLE redcap_user_rights (
                      project_id INT NOT NULL,
                      username VARCHAR(191) NOT NULL,
                      expiration DATE NULL,
                      role_id INT NULL,
                      api_token VARCHAR(32) NULL,
                      api_export INT NOT NULL DEFAULT 0,
                      api_import INT NOT NULL DEFAULT 0,
                      mobile_app INT NOT NULL DEFAULT 0,
                      user_rights INT NOT NULL DEFAULT 0,
                      PRIMARY KEY (project_id, username)
                    )""");
            statement.execute("CREATE UNIQUE INDEX api_token ON redcap_user_rights (api_token)");
            statement.execute("""
                    CREATE TABLE redcap_user_roles (
                      role_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                      project_id INT NOT NULL,
                      role_name TEXT NULL,
                      api_export INT NOT NULL DEFAULT 0,
                      api_import INT NOT NULL DEFAULT 0,
                      mobile_app INT NOT NULL DEFAULT 0,
                      user_rights INT NOT NULL DEFAULT 1
                    )""");
            statement.execute("""
                    CREATE TABLE redcap_projects (
                      project_id INT NOT NULL PRIMARY KEY,
                      log_event_table VARCHAR(20) NOT NULL DEFAULT 'redcap_log_event'
                    )""");
            // A newer project logs to a table of its own, as REDCap assigns them; the older one to the first table.
            statement.execute("INSERT INTO redcap_projects (project_id, log_event_table) VALUES (101, '" + PROJECT_LOG
                    + "'), (102, 'redcap_log_event')");
            statement.execute("""
                    CREATE TABLE redcap_user_information (
                      ui_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                      username VARCHAR(191) NOT NULL,
                      user_email VARCHAR(255) NULL,
                      user_suspended_time DATETIME NULL,
                      api_token VARCHAR(64) NULL
                    )""");
            for (String table : List.of("redcap_log_event", PROJECT_LOG)) {
                statement.execute("CREATE TABLE " + table + " ("
                        + " log_event_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                        + " project_id INT NOT NULL DEFAULT 0,"
                        + " ts BIGINT NULL,"
                        + " user VARCHAR(255) NULL,"
                        + " page VARCHAR(255) NULL,"
                        + " event VARCHAR(50) NULL,"
                        + " object_type VARCHAR(128) NULL,"
                        + " pk TEXT NULL,"
                        + " description TEXT NULL)");
            }
            statement.execute("INSERT INTO redcap_user_rights (project_id, username, user_rights) VALUES"
                    + " (101, 'alice', 0), (101, 'bob', 0), (101, 'pat', 1), (102, 'alice', 0)");
        }
        administration = new DatabaseTokenAdministration(properties(jdbcUrl()), planted, CLOCK, meters);
    }

    @AfterEach
    void closePools() {
        administration.close();
    }

    @Test
    void createWrites32UppercaseHexWithTheRightsAndReturnsOnlyItsFingerprint() throws SQLException {
        TokenFingerprint fingerprint = administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(true, false, true), ACTOR);

        Row alice = row(PROD_PROJECT, "alice");
        assertThat(alice.apiToken()).matches("[0-9A-F]{32}");
        assertThat(fingerprint).isEqualTo(TokenFingerprint.of(alice.apiToken()));
        assertThat(fingerprint.sha256Hex()).isEqualTo(sha256(alice.apiToken()));
        assertThat(fingerprint.toString()).doesNotContain(alice.apiToken());
        assertThat(alice.rights()).containsExactly(1, 0, 1);
        assertThat(logEvents()).containsExactly(new LogEvent(PROD_PROJECT, EXPECTED_TS, ACTOR,
                DatabaseTokenAdministration.LOG_PAGE, "MANAGE", "redcap_user_rights", "alice",
                "Create API token for user"));
        assertThat(row(PROD_PROJECT, "bob").apiToken()).isNull();
        assertThat(row(OTHER_PROJECT, "alice").apiToken()).as("the same user on another project").isNull();
    }

    @Test
    void createForSomeoneWhoAlreadyHasATokenReplacesItAndLogsARegeneration() throws SQLException {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice", new TokenRights(true, false, false), ACTOR);
        String first = row(PROD_PROJECT, "alice").apiToken();

        TokenFingerprint second = administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(false, true, false), "rita");

        Row alice = row(PROD_PROJECT, "alice");
        assertThat(alice.apiToken()).isNotEqualTo(first);
        assertThat(second).isEqualTo(TokenFingerprint.of(alice.apiToken()));
        assertThat(alice.rights()).containsExactly(0, 1, 0);
        assertThat(logEvents()).extracting(LogEvent::description, LogEvent::user).containsExactly(
                tuple("Create API token for user", ACTOR),
                tuple("Regenerate API token for user", "rita"));
    }

    @Test
    void usernamesAreMatchedIgnoringCaseAndLoggedAsRedcapSpellsThem() throws SQLException {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, " ALICE ", new TokenRights(true, false, false), ACTOR);

        assertThat(row(PROD_PROJECT, "alice").apiToken()).isNotNull();
        assertThat(logEvents()).extracting(LogEvent::pk).containsExactly("alice");
    }

    @Test
    void regenerateChangesTheValueAndKeepsTheRights() throws SQLException {
        TokenFingerprint created = administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(true, true, false), ACTOR);
        String before = row(PROD_PROJECT, "alice").apiToken();

        TokenFingerprint regenerated = administration.regenerate(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR);

        Row alice = row(PROD_PROJECT, "alice");
        assertThat(alice.apiToken()).matches("[0-9A-F]{32}").isNotEqualTo(before);
        assertThat(regenerated).isNotEqualTo(created).isEqualTo(TokenFingerprint.of(alice.apiToken()));
        assertThat(alice.rights()).containsExactly(1, 1, 0);
        assertThat(logEvents()).extracting(LogEvent::description)
                .containsExactly("Create API token for user", "Regenerate API token for user");
        assertThat(logEvents().get(1)).isEqualTo(new LogEvent(PROD_PROJECT, EXPECTED_TS, ACTOR,
                DatabaseTokenAdministration.LOG_PAGE, "MANAGE", "redcap_user_rights", "alice",
                "Regenerate API token for user"));
    }

    @Test
    void everyWriteIsCountedByEnvironmentOperationAndOutcome() {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice", new TokenRights(true, false, false), ACTOR);
        administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR);
        administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR);
        catchThrowable(() -> administration.regenerate(RedcapEnvironment.PROD, PROD_PROJECT, "bob", ACTOR));

        assertThat(writes("PROD", "create", "success")).isEqualTo(1);
        assertThat(writes("PROD", "delete", "success")).as("deleting nothing is no failure").isEqualTo(2);
        assertThat(writes("PROD", "regenerate", "rejected")).isEqualTo(1);
        assertThat(writes("PROD", "regenerate", "success")).isZero();
    }

    double writes(String environment, String operation, String outcome) {
        Counter counter = meters.find(RedcapCallCounter.DATABASE_WRITES).tags("environment", environment,
                "operation", operation, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void issuingAValueAfterAHoldKeepsTheRightsAsThePiSetThem() throws SQLException {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice", new TokenRights(true, false, false), ACTOR);
        String held = row(PROD_PROJECT, "alice").apiToken();
        administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE redcap_user_rights SET api_import = 1 WHERE project_id = 101 AND username = 'alice'");
        }

        TokenFingerprint fingerprint = administration.issueValue(RedcapEnvironment.PROD, PROD_PROJECT, "alice", "rita");

        Row alice = row(PROD_PROJECT, "alice");
        assertThat(alice.apiToken()).matches("[0-9A-F]{32}").isNotEqualTo(held);
        assertThat(fingerprint).isEqualTo(TokenFingerprint.of(alice.apiToken()));
        assertThat(alice.rights()).as("as the PI left them meanwhile").containsExactly(1, 1, 0);
        assertThat(logEvents()).extracting(LogEvent::description, LogEvent::user).last()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple("Create API token for user", "rita"));
        assertThatThrownBy(() -> administration.issueValue(RedcapEnvironment.PROD, PROD_PROJECT, "nobody", ACTOR))
                .isInstanceOf(RedcapRequestRejectedException.class);
    }

    @Test
    void eachProjectsEventsGoToTheLogTableItNames() throws SQLException {
        administration.create(RedcapEnvironment.PROD, OTHER_PROJECT, "alice", new TokenRights(true, false, false), ACTOR);

        assertThat(logEvents("redcap_log_event")).extracting(LogEvent::projectId, LogEvent::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OTHER_PROJECT, "Create API token for user"));
        assertThat(logEvents()).as("project 101's own table").isEmpty();
    }

    @Test
    void aSuperTokenIsDeletedOnceAndLoggedWithoutAProject() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO redcap_user_information (username, api_token) VALUES ('Ada', '" + "C".repeat(64)
                    + "'), ('bob', NULL)");
        }

        administration.deleteSuperToken(RedcapEnvironment.PROD, "ada", "hr-offboarding");
        administration.deleteSuperToken(RedcapEnvironment.PROD, "ada", "hr-offboarding");
        administration.deleteSuperToken(RedcapEnvironment.PROD, "bob", "hr-offboarding");

        assertThat(countRows("SELECT COUNT(*) FROM redcap_user_information WHERE api_token IS NOT NULL")).isZero();
        assertThat(logEvents("redcap_log_event")).containsExactly(new LogEvent(0, EXPECTED_TS, "hr-offboarding",
                DatabaseTokenAdministration.LOG_PAGE, "MANAGE", "redcap_user_information", "ada",
                "Delete Super API Token for user"));
    }

    @Test
    void reducingApiRightsOnlyEverSwitchesRightsOffAndLogsAnEditOfTheUser() throws SQLException {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice", new TokenRights(true, true, true), ACTOR);

        assertThat(administration.reduceApiRights(RedcapEnvironment.PROD, PROD_PROJECT, "ALICE",
                new TokenRights(true, false, false), "pat")).isTrue();
        assertThat(administration.reduceApiRights(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(true, true, true), "pat")).as("never raises a right").isFalse();
        assertThat(administration.reduceApiRights(RedcapEnvironment.PROD, PROD_PROJECT, "nobody",
                new TokenRights(true, false, false), "pat")).isFalse();

        assertThat(countRows("SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = 101 AND username = 'alice'"
                + " AND api_export = 1 AND api_import = 0 AND mobile_app = 0 AND api_token IS NOT NULL")).isEqualTo(1);
        assertThat(logEvents()).last().isEqualTo(new LogEvent(PROD_PROJECT, EXPECTED_TS, "pat",
                DatabaseTokenAdministration.LOG_PAGE, "MANAGE", "redcap_user_rights", "alice", "Edit user"));
    }

    @Test
    void aRoleMembersRightsAreTheRolesAndAreNotReducedPerUser() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE redcap_user_rights SET role_id = 7, api_import = 1 WHERE username = 'bob'");
        }

        assertThatThrownBy(() -> administration.reduceApiRights(RedcapEnvironment.PROD, PROD_PROJECT, "bob",
                new TokenRights(true, false, false), "pat")).isInstanceOf(RedcapRoleMemberException.class);
        assertThat(countRows("SELECT COUNT(*) FROM redcap_user_rights WHERE username = 'bob' AND api_import = 1"))
                .isEqualTo(1);
        assertThat(logEvents()).isEmpty();
    }

    @Test
    void anAccountIsSuspendedOnceAndOnlyTheSuspensionSetIsLifted() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO redcap_user_information (username) VALUES ('Alice')");
        }
        java.time.LocalDateTime at = java.time.LocalDateTime.of(2026, 11, 28, 10, 30);

        assertThat(administration.suspendAccount(RedcapEnvironment.PROD, "alice", at)).isTrue();
        assertThat(administration.suspendAccount(RedcapEnvironment.PROD, "alice", at)).as("a retry of the same").isTrue();
        assertThat(administration.suspendAccount(RedcapEnvironment.PROD, "alice", at.plusDays(1)))
                .as("suspended already: left as it is").isFalse();
        assertThat(administration.suspendAccount(RedcapEnvironment.PROD, "nobody", at)).isFalse();
        assertThat(administration.liftSuspension(RedcapEnvironment.PROD, "alice", at.plusSeconds(1)))
                .as("not the suspension this system set").isFalse();
        assertThat(countRows("SELECT COUNT(*) FROM redcap_user_information WHERE user_suspended_time IS NOT NULL"))
                .isEqualTo(1);

        assertThat(administration.liftSuspension(RedcapEnvironment.PROD, "ALICE", at)).isTrue();
        assertThat(countRows("SELECT COUNT(*) FROM redcap_user_information WHERE user_suspended_time IS NOT NULL"))
                .isZero();
    }

    @Test
    void projectUsersAreReadAsRedcapAppliesThemWithARolesRightsWinning() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO redcap_user_roles (role_id, project_id, role_name, api_export, api_import,"
                    + " user_rights) VALUES (7, 101, 'Data managers', 1, 0, 0)");
            statement.execute("UPDATE redcap_user_rights SET role_id = 7, api_import = 1, user_rights = 1"
                    + " WHERE username = 'bob'");
            statement.execute("UPDATE redcap_user_rights SET api_export = 1, expiration = DATE '2027-01-31'"
                    + " WHERE username = 'alice' AND project_id = 101");
            statement.execute("INSERT INTO redcap_user_information (username, user_email) VALUES ('alice',"
                    + " 'alice@example.org')");
        }
        DatabaseProjectUsers users = new DatabaseProjectUsers(administration);

        assertThat(users.of(RedcapEnvironment.PROD, PROD_PROJECT)).containsExactlyInAnyOrder(
                new RedcapProjectUser("alice", "alice@example.org", java.time.LocalDate.of(2027, 1, 31), true, false,
                        false, false, null),
                new RedcapProjectUser("bob", null, null, true, false, false, false, "Data managers"),
                new RedcapProjectUser("pat", null, null, false, false, false, true, null));
        assertThat(users.find(RedcapEnvironment.PROD, PROD_PROJECT, "BOB")).get()
                .satisfies(bob -> assertThat(bob.inRole()).isTrue());
        assertThat(users.find(RedcapEnvironment.PROD, OTHER_PROJECT, "bob")).isEmpty();
        assertThat(users.databaseAnswers(RedcapEnvironment.PROD)).isTrue();
        assertThatThrownBy(() -> users.of(RedcapEnvironment.QA, 201)).isInstanceOf(RedcapException.class)
                .hasMessageContaining("not configured for DATABASE");
    }

    @Test
    void regenerateWithoutATokenIsRefusedAndWritesNothing() throws SQLException {
        assertThatThrownBy(() -> administration.regenerate(RedcapEnvironment.PROD, PROD_PROJECT, "bob", ACTOR))
                .isInstanceOf(RedcapRequestRejectedException.class)
                .hasMessageContaining("bob has no API token on project 101 on PROD");

        assertThat(row(PROD_PROJECT, "bob").apiToken()).isNull();
        assertThat(logEvents()).isEmpty();
    }

    @Test
    void deleteNullsTheTokenKeepsThePisRightsAndLogsIt() throws SQLException {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice", new TokenRights(true, true, true), ACTOR);
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "bob", new TokenRights(true, false, false), ACTOR);

        administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", "hr-offboarding");

        Row alice = row(PROD_PROJECT, "alice");
        assertThat(alice.apiToken()).isNull();
        assertThat(alice.rights()).as("the PI's consent stays as the PI gave it").containsExactly(1, 1, 1);
        assertThat(row(PROD_PROJECT, "bob").apiToken()).as("other users keep theirs").isNotNull();
        List<LogEvent> events = logEvents();
        assertThat(events).hasSize(3);
        assertThat(events.get(2)).isEqualTo(new LogEvent(PROD_PROJECT, EXPECTED_TS, "hr-offboarding",
                DatabaseTokenAdministration.LOG_PAGE, "MANAGE", "redcap_user_rights", "alice",
                "Delete API token for user"));
    }

    @Test
    void deleteIsIdempotentAndWritesNothingWhenThereIsNoToken() throws SQLException {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice", new TokenRights(true, false, false), ACTOR);
        administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR);

        administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR);
        administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "bob", ACTOR);
        administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "someone-who-left", ACTOR);

        assertThat(logEvents()).extracting(LogEvent::description)
                .containsExactly("Create API token for user", "Delete API token for user");
    }

    @Test
    void deleteAnswersWhenRedcapDeletedTheTokenAndARetryAnswersTheFirstDeletionsTime() throws SQLException {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice", new TokenRights(true, false, false), ACTOR);

        assertThat(administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR))
                .contains(CLOCK.instant());
        try (DatabaseTokenAdministration restarted = new DatabaseTokenAdministration(properties(jdbcUrl()), planted,
                Clock.offset(CLOCK, Duration.ofMinutes(7)), meters)) {
            assertThat(restarted.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR))
                    .as("a retry after a crash: REDCap's time of the deletion, read from its log")
                    .contains(CLOCK.instant());
        }
        assertThat(logEvents()).extracting(LogEvent::description)
                .containsExactly("Create API token for user", "Delete API token for user");
        assertThat(administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "bob", ACTOR))
                .as("never had a token: REDCap's log shows no deletion").isEmpty();
    }

    @Test
    void theTokenAnActorWroteLastIsFoundWithoutWritingAndNobodyElses() throws SQLException {
        TokenFingerprint created = administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(true, false, false), ACTOR);

        assertThat(administration.tokenWrittenBy(RedcapEnvironment.PROD, PROD_PROJECT, "ALICE", ACTOR)).contains(created);
        assertThat(administration.tokenWrittenBy(RedcapEnvironment.PROD, PROD_PROJECT, "alice", "someone-else")).isEmpty();
        assertThat(administration.tokenWrittenBy(RedcapEnvironment.PROD, PROD_PROJECT, "bob", ACTOR))
                .as("no token").isEmpty();
        administration.regenerate(RedcapEnvironment.PROD, PROD_PROJECT, "alice", "someone-else");
        assertThat(administration.tokenWrittenBy(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR))
                .as("changed by someone else since").isEmpty();
        administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR);
        assertThat(administration.tokenWrittenBy(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR)).isEmpty();
        assertThat(logEvents()).as("reading writes nothing").hasSize(3);
    }

    @Test
    void someoneWhoIsNotAProjectUserIsRefusedAndNothingIsWritten() throws SQLException {
        assertThatThrownBy(() -> administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "mallory",
                new TokenRights(true, false, false), ACTOR))
                .isInstanceOf(RedcapRequestRejectedException.class)
                .hasMessageContaining("mallory is not a user of project 101 on PROD");
        assertThatThrownBy(() -> administration.create(RedcapEnvironment.PROD, 999, "alice",
                new TokenRights(true, false, false), ACTOR))
                .isInstanceOf(RedcapRequestRejectedException.class)
                .hasMessageContaining("alice is not a user of project 999 on PROD");
        assertThatThrownBy(() -> administration.regenerate(RedcapEnvironment.PROD, PROD_PROJECT, "mallory", ACTOR))
                .isInstanceOf(RedcapRequestRejectedException.class);

        assertThat(tokens()).isEmpty();
        assertThat(logEvents()).isEmpty();
        assertThat(countRows("SELECT COUNT(*) FROM redcap_user_rights")).isEqualTo(4);
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() throws SQLException {
        assertThatThrownBy(() -> administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(false, false, false), ACTOR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> administration.create(RedcapEnvironment.PROD, PROD_PROJECT, " ",
                new TokenRights(true, false, false), ACTOR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(true, false, false), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> administration.delete(RedcapEnvironment.PROD, 0, "alice", ACTOR))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(tokens()).isEmpty();
        assertThat(logEvents()).isEmpty();
    }

    @Test
    void anEnvironmentNotInDatabaseModeIsRefused() {
        assertThatThrownBy(() -> administration.create(RedcapEnvironment.QA, 201, "alice",
                new TokenRights(true, false, false), ACTOR))
                .isInstanceOf(RedcapException.class)
                .hasMessageContaining("QA is not configured for DATABASE token administration");
    }

    @Test
    void tokensAreUniqueAndACollidingValueIsSkipped() throws SQLException {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "bob", new TokenRights(true, false, false), ACTOR);
        String bobs = row(PROD_PROJECT, "bob").apiToken();
        String fresh = "C0FFEE00C0FFEE00C0FFEE00C0FFEE00";
        planted.plant(bobs, bobs, fresh);

        TokenFingerprint alices = administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(true, false, false), ACTOR);

        assertThat(row(PROD_PROJECT, "alice").apiToken()).isEqualTo(fresh);
        assertThat(alices).isEqualTo(TokenFingerprint.of(fresh));
        assertThat(row(PROD_PROJECT, "bob").apiToken()).isEqualTo(bobs);

        for (String user : List.of("alice", "bob", "alice")) {
            administration.regenerate(RedcapEnvironment.PROD, PROD_PROJECT, user, ACTOR);
        }
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "pat", new TokenRights(true, false, false), ACTOR);
        administration.create(RedcapEnvironment.PROD, OTHER_PROJECT, "alice", new TokenRights(true, false, false), ACTOR);
        assertThat(tokens()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void aGeneratorThatKeepsCollidingGivesUpWithoutWriting() throws SQLException {
        administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "bob", new TokenRights(true, false, false), ACTOR);
        String bobs = row(PROD_PROJECT, "bob").apiToken();
        planted.plantForever(bobs);

        Throwable thrown = catchThrowable(() -> administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(true, false, false), ACTOR));

        assertThat(thrown).isInstanceOf(RedcapException.class).hasMessageContaining("unique");
        assertThat(stackTraceOf(thrown)).doesNotContain(bobs);
        assertThat(row(PROD_PROJECT, "alice").apiToken()).isNull();
        assertThat(logEvents()).hasSize(1);
    }

    @Test
    void aGeneratorMakingBadValuesIsRefused() throws SQLException {
        planted.plant("c0ffee00c0ffee00c0ffee00c0ffee00");

        assertThatThrownBy(() -> administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                new TokenRights(true, false, false), ACTOR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("c0ffee");
        assertThat(tokens()).isEmpty();
        assertThat(logEvents()).isEmpty();
    }

    @Test
    void theTokenValueIsNeverLogged() throws SQLException {
        String recognizable = "DEADBEEFDEADBEEFDEADBEEFDEADBEEF";
        String second = "FEEDFACEFEEDFACEFEEDFACEFEEDFACE";
        planted.plant(recognizable, second);
        Logger logger = (Logger) LoggerFactory.getLogger(DatabaseTokenAdministration.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
        try {
            TokenFingerprint created = administration.create(RedcapEnvironment.PROD, PROD_PROJECT, "alice",
                    new TokenRights(true, false, false), ACTOR);
            administration.regenerate(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR);
            administration.delete(RedcapEnvironment.PROD, PROD_PROJECT, "alice", ACTOR);

            assertThat(created).isEqualTo(TokenFingerprint.of(recognizable));
            assertThat(appender.list).hasSizeGreaterThanOrEqualTo(3);
            assertThat(appender.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                    .doesNotContainIgnoringCase("DEADBEEF").doesNotContainIgnoringCase("FEEDFACE"));
            assertThat(administration.toString()).doesNotContain("DEADBEEF");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    RedcapProperties properties(String jdbcUrl) {
        return new RedcapProperties(Map.of(
                RedcapEnvironment.PROD, new RedcapProperties.Server(URI.create("http://127.0.0.1:1/api/"),
                        TokenAdministrationMode.DATABASE, new RedcapProperties.Database(jdbcUrl, username(), ""),
                        Map.of(), null, CLOCK.getZone(), null, null, null),
                RedcapEnvironment.QA, new RedcapProperties.Server(URI.create("http://127.0.0.1:2/api/"),
                        TokenAdministrationMode.MANUAL, null, Map.of(), null, null, null, null, null)));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), "");
    }

    private Row row(long projectId, String username) throws SQLException {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT api_token, api_export, api_import, mobile_app FROM redcap_user_rights"
                        + " WHERE project_id = ? AND username = ?")) {
            select.setLong(1, projectId);
            select.setString(2, username);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).as("row of %s on %d", username, projectId).isTrue();
                return new Row(result.getString(1), List.of(result.getInt(2), result.getInt(3), result.getInt(4)));
            }
        }
    }

    private List<String> tokens() throws SQLException {
        List<String> tokens = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT api_token FROM redcap_user_rights WHERE api_token IS NOT NULL")) {
            while (result.next()) {
                tokens.add(result.getString(1));
            }
        }
        return tokens;
    }

    /** Qualified as {@code e.user}: unqualified, H2 reads {@code user} as the session user even with NON_KEYWORDS=USER. */
    List<LogEvent> logEvents() throws SQLException {
        return logEvents(PROJECT_LOG);
    }

    List<LogEvent> logEvents(String table) throws SQLException {
        List<LogEvent> events = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT e.project_id, e.ts, e.user, e.page, e.event,"
                     + " e.object_type, e.pk, e.description FROM " + table + " e ORDER BY e.log_event_id")) {
            while (result.next()) {
                events.add(new LogEvent(result.getLong(1), result.getLong(2), result.getString(3), result.getString(4),
                        result.getString(5), result.getString(6), result.getString(7), result.getString(8)));
            }
        }
        return events;
    }

    private long countRows(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String stackTraceOf(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private record Row(String apiToken, List<Integer> rights) {
    }

    record LogEvent(long projectId, long ts, String user, String page, String event, String objectType,
            String pk, String description) {
    }

    /** Real random values, unless a test planted some to come first (or one value for ever). */
    private static final class PlantedValues implements TokenValueGenerator {
        private final SecureRandomTokenValueGenerator random = new SecureRandomTokenValueGenerator();
        private final Deque<String> next = new ArrayDeque<>();
        private String forever;

        void plant(String... values) {
            next.addAll(List.of(values));
        }

        void plantForever(String value) {
            forever = value;
        }

        @Override
        public String newTokenValue() {
            if (forever != null) {
                return forever;
            }
            return next.isEmpty() ? random.newTokenValue() : next.removeFirst();
        }
    }
}
