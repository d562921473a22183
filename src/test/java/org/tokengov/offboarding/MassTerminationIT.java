package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;

/**
 * Issue 14, item 9, on the real parts (PostgreSQL, the REDCap simulator over HTTP on MariaDB, database mode), with a
 * threshold of 2 terminations per hour (QA in the API mode): the third termination is held in a wave, REDCap refuses every token of the
 * person at once (a call with each answers 403), role members' included, while the values stay; only a redcap-admins
 * member can decide the wave through Camunda's REST API; confirmed, the values are deleted; rejected, every token works
 * again. Below the threshold nothing changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = MassTerminationIT.Servers.class)
class MassTerminationIT {

    /** The real servers, with the guard on and a threshold a test can cross. */
    static class Servers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.offboarding.mass-termination.enabled=true",
                    "tokengov.offboarding.mass-termination.threshold=2",
                    "tokengov.offboarding.mass-termination.window=PT1H",
                    // QA in the API (manual) mode: its lever is the API rights, the PI's setting recorded and restored.
                    "tokengov.redcap.environments.qa.token-administration=manual").applyTo(context);
        }
    }

    static final String REFUSED = "You do not have permissions to use the API";

    @Autowired ConfigurableApplicationContext context;
    @Autowired OffboardingEvents events;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    IssuedTokens issue;
    EngineRest rest;

    /** A person's token: the registry's record, and its value as REDCap holds it (read by the test only). */
    record Held(IssuedToken token, String value) {
    }

    @BeforeEach
    void freshCount() {
        RealServers.serveHttpFrom(context);
        issue = new IssuedTokens(context);
        rest = new EngineRest(RealServers.baseUrl(context));
        // Each test counts from zero: a decided wave marks where counting starts again (as after a real decision).
        // The first test to run meets the guard as a new installation does, without any wave.
        if (jdbc.queryForObject("select count(*) from termination_wave", Long.class) == 0) {
            return;
        }
        jdbc.update("insert into termination_wave (id, opened_at, state, decided_by, decided_at) values (?, ?, 'CONFIRMED', 'test', ?)",
                UUID.randomUUID().toString(), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
    }

    @Test
    void aWaveIsRefusedAtOnceAndItsValuesAreDeletedOnlyWhenAnAdministratorConfirmsIt() throws Exception {
        List<Held> below = new ArrayList<>();
        for (String person : List.of("mtA1", "mtA2")) {
            below.add(tokenOf(person, PROD, 101));
            terminate(person);
        }
        Jobs.runDue(management);
        for (Held held : below) {
            assertThat(registry.find(held.token().id()).orElseThrow().state()).as("below the threshold: revoked as always")
                    .isEqualTo(TokenState.REVOKED);
            assertThat(valueInRedcap(PROD, 101, held.token().holder())).isNull();
            assertThat(call(PROD, held.value()).statusCode()).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("select count(*) from termination_wave where state = 'OPEN'", Long.class)).isZero();

        List<Held> wave = new ArrayList<>();
        wave.add(tokenOf("mtA3", PROD, 101));
        wave.add(tokenOf("mtA3", PROD, 103));
        wave.add(tokenOf("mtA4", PROD, 101));
        wave.add(roleMembersToken("mtA4", PROD, 102));
        for (Held held : wave) {
            assertThat(call(held.token().environment(), held.value()).statusCode()).as("works before").isEqualTo(200);
        }
        String third = terminate("mtA3");
        String fourth = terminate("mtA4");
        Jobs.runDue(management);

        for (Held held : wave) {
            HttpResponse<String> refused = call(held.token().environment(), held.value());
            assertThat(refused.statusCode()).as("REDCap refuses " + held.token().holder() + "'s token on "
                    + held.token().environment() + " " + held.token().projectId()).isEqualTo(403);
            assertThat(refused.body()).contains(REFUSED);
            assertThat(valueInRedcap(held.token().environment(), held.token().projectId(), held.token().holder()))
                    .as("nothing irreversible yet: the value is still in REDCap").isEqualTo(held.value());
            assertThat(registry.find(held.token().id()).orElseThrow().state()).as("the registry is not changed by a hold")
                    .isEqualTo(held.token().state());
        }
        assertThat(outcome(third)).isEqualTo("HELD_FOR_WAVE");
        assertThat(outcome(fourth)).isEqualTo("HELD_FOR_WAVE");
        assertThat(jdbc.queryForObject("select count(*) from termination_wave_member where event_id in (?, ?)"
                + " and refused_at is not null", Long.class, third, fourth)).isEqualTo(2);

        Task decision = waveTask();
        String confirm = EngineRest.variables("waveDecision", "String", "CONFIRM");
        assertThat(rest.post("/task/" + decision.getId() + "/complete", "alice", "demo", confirm).statusCode())
                .as("not a REDCap administrator").isEqualTo(403);
        assertThat(rest.post("/task/" + decision.getId() + "/claim", "alice", "demo", "{\"userId\": \"alice\"}")
                .statusCode()).as("nor may she claim it").isNotEqualTo(204);
        assertThat(rest.post("/task/" + decision.getId() + "/complete", "ada", "demo",
                EngineRest.variables("waveDecision", "String", "MAYBE")).statusCode())
                .as("only CONFIRM or REJECT").isEqualTo(400);
        assertThat(tasks.createTaskQuery().taskId(decision.getId()).count()).isEqualTo(1);
        Jobs.runDue(management);
        assertThat(valueInRedcap(PROD, 101, "mtA3")).as("still held").isNotNull();

        HttpResponse<String> confirmed = rest.post("/task/" + decision.getId() + "/complete", "ada", "demo", confirm);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        Jobs.runDue(management);

        for (Held held : wave) {
            assertThat(valueInRedcap(held.token().environment(), held.token().projectId(), held.token().holder()))
                    .as("confirmed: the value is deleted").isNull();
            assertThat(registry.find(held.token().id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        }
        assertThat(outcome(third)).isEqualTo("COMPLETED");
        assertThat(outcome(fourth)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TERMINATION_WAVE_CONFIRMED'"
                + " and actor = 'ada'", Long.class)).isEqualTo(1);
    }

    @Test
    void aRejectedWaveGivesEveryTokenBackAtRedcap() throws Exception {
        terminate("mtB1");
        terminate("mtB2");
        Held prod = tokenOf("mtB3", PROD, 101);
        Held qa = tokenByHand("mtB3", QA, 201);
        assertThat(call(QA, qa.value()).statusCode()).isEqualTo(200);
        String held = terminate("mtB3");
        Jobs.runDue(management);
        assertThat(call(PROD, prod.value()).body()).as("database mode: REDCap's own suspension").contains(REFUSED);
        assertThat(suspendedTime(PROD, "mtB3")).isNotNull();
        HttpResponse<String> rightsOff = call(QA, qa.value());
        assertThat(rightsOff.statusCode()).isEqualTo(403);
        assertThat(rightsOff.body()).as("API mode: the API rights are off").contains("You do not have API Export privileges");

        Task decision = waveTask();
        assertThat(rest.post("/task/" + decision.getId() + "/complete", "ada", "demo",
                EngineRest.variables("waveDecision", "String", "REJECT")).statusCode())
                .as("a rejection needs a reason").isEqualTo(400);
        HttpResponse<String> rejected = rest.post("/task/" + decision.getId() + "/complete", "ada", "demo",
                EngineRest.variables("waveDecision", "String", "REJECT", "waveComments", "String", "wrong HR export"));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
        Jobs.runDue(management);

        for (Held token : List.of(prod, qa)) {
            assertThat(call(token.token().environment(), token.value()).statusCode()).as("the token works again")
                    .isEqualTo(200);
            assertThat(registry.find(token.token().id()).orElseThrow().state()).isEqualTo(token.token().state());
        }
        assertThat(suspendedTime(PROD, "mtB3")).isNull();
        assertThat(suspendedTime(QA, "mtB3")).isNull();
        assertThat(outcome(held)).isEqualTo("REJECTED");
        assertThat(issue.redcap(QA).queryForObject("SELECT api_export FROM redcap_user_rights WHERE project_id = 201"
                + " AND username = 'mtB3'", Integer.class)).as("the PI's setting, restored exactly").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TERMINATION_REJECTED'"
                + " and details like ?", Long.class, "mtB3 (event " + held + ")%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject = ?", Long.class,
                "Termination of mtB3 rejected: tokens given back")).isEqualTo(1);
    }

    private Held tokenOf(String person, RedcapEnvironment environment, long projectId) {
        person(person);
        IssuedToken token = issue.issue(person, environment, projectId);
        return new Held(token, valueInRedcap(environment, projectId, person));
    }

    /** The manual mode: an administrator made the token in the Control Center. */
    private Held tokenByHand(String person, RedcapEnvironment environment, long projectId) {
        person(person);
        IssuedToken token = issue.issueByHand(person, environment, projectId);
        return new Held(token, valueInRedcap(environment, projectId, person));
    }

    private void person(String person) {
        if (identity.createUserQuery().userId(person).count() == 0) {
            User user = identity.newUser(person); // entitlement groups need the person in the identity store
            user.setEmail(person + "@example.org");
            identity.saveUser(user);
        }
    }

    /** A member of a REDCap user role: REDCap's API could not change their rights, the account suspension still works. */
    private Held roleMembersToken(String person, RedcapEnvironment environment, long projectId) {
        Held held = tokenOf(person, environment, projectId);
        JdbcTemplate redcap = issue.redcap(environment);
        redcap.update("INSERT INTO redcap_user_roles (project_id, role_name, unique_role_name, user_rights, data_logging,"
                + " api_export) VALUES (?, 'Analysts', ?, 0, 0, 1)", projectId, "U-" + person);
        redcap.update("UPDATE redcap_user_rights SET role_id = (SELECT role_id FROM redcap_user_roles WHERE"
                + " unique_role_name = ?) WHERE project_id = ? AND username = ?", "U-" + person, projectId, person);
        return held;
    }

    private String terminate(String person) {
        return events.record(person, "HR_WEBHOOK", "left", OffboardingEvent.TERMINATED, null, null);
    }

    private Task waveTask() {
        return tasks.createTaskQuery().taskDefinitionKey("Task_ConfirmTerminationWave").singleResult();
    }

    private String outcome(String eventId) {
        return jdbc.queryForObject("select outcome from offboarding_event where id = ?", String.class, eventId);
    }

    private String valueInRedcap(RedcapEnvironment environment, long projectId, String username) {
        return issue.redcap(environment).queryForObject("SELECT api_token FROM redcap_user_rights WHERE project_id = ?"
                + " AND username = ?", String.class, projectId, username);
    }

    private String suspendedTime(RedcapEnvironment environment, String username) {
        return issue.redcap(environment).queryForObject("SELECT DATE_FORMAT(user_suspended_time, '%Y-%m-%d %H:%i:%s')"
                + " FROM redcap_user_information WHERE username = ?", String.class, username);
    }

    private HttpResponse<String> call(RedcapEnvironment environment, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/redcap-sim/"
                        + environment.name().toLowerCase() + "/api/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&content=record&format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
