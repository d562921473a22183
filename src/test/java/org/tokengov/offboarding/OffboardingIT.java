package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.audit.AuditAction;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.RealServersWithKeycloak;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * Offboarding end to end on PostgreSQL, the REDCap simulator's QA and PROD schemas in MariaDB (reached over HTTP
 * and SQL) and a real Keycloak: HR's signed webhook and SCIM in, every token dead in REDCap out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = OffboardingIT.OwnServers.class)
@ActiveProfiles({"embedded", "keycloak"})
class OffboardingIT {

    static final String SECRET = "hr-" + UUID.randomUUID();
    static final String SCIM_TOKEN = "scim-" + UUID.randomUUID();

    static class OwnServers extends RealServersWithKeycloak {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.hr.webhook-secret=" + SECRET, "tokengov.scim.bearer-token=" + SCIM_TOKEN)
                    .applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired TokenRegistry registry;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired RealmResource realm;

    final HttpClient http = HttpClient.newHttpClient();

    HrWebhookClient hr() {
        return new HrWebhookClient(RealServers.baseUrl(context), SECRET);
    }

    SimulatorHttp simulator() {
        return new SimulatorHttp(RealServers.baseUrl(context));
    }

    /** The status REDCap's API answers to a call with the token the holder reads on REDCap's API page. */
    int apiStatus(String value, RedcapEnvironment environment) {
        return simulator().versionStatus(environment.name().toLowerCase(), value);
    }

    String valueOf(IssuedToken token) {
        return simulator().tokenOf(token.environment().name().toLowerCase(), token.holder(), token.projectId());
    }

    static String offboardingId(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return new ObjectMapper().readTree(answer.body()).get("offboardingId").asText();
    }

    List<IssuedToken> tokensOnThreeProjectsInBothEnvironments(String username) {
        IssuedTokens issue = new IssuedTokens(context);
        List<IssuedToken> tokens = new ArrayList<>();
        for (long project : List.of(101L, 102L, 103L)) {
            tokens.add(issue.issue(username, PROD, project));
        }
        for (long project : List.of(201L, 202L, 203L)) {
            tokens.add(issue.issue(username, QA, project));
        }
        return tokens;
    }

    @Test
    void aTerminationSignedByHrKillsEveryTokenOnEveryProjectInBothEnvironments() throws Exception {
        List<IssuedToken> tokens = tokensOnThreeProjectsInBothEnvironments("bob");
        List<String> values = tokens.stream().map(this::valueOf).toList();
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(apiStatus(values.get(i), tokens.get(i).environment())).as("works before").isEqualTo(200);
        }
        assertThat(keycloakGroupsOf("bob")).contains("redcap-api-qa", "redcap-api-prod");

        String offboarding = offboardingId(hr().deliver(
                HrWebhookClient.event(OffboardingEvent.TERMINATED, "bob", null, Instant.now())));
        Jobs.runDue(management);

        for (int i = 0; i < tokens.size(); i++) {
            IssuedToken token = tokens.get(i);
            assertThat(apiStatus(values.get(i), token.environment())).as("dead in REDCap: " + token.environment() + " "
                    + token.projectId()).isEqualTo(403);
            assertThat(registry.find(token.id()).orElseThrow()).satisfies(t -> {
                assertThat(t.state()).isEqualTo(TokenState.REVOKED);
                assertThat(t.revocationReason()).isEqualTo("OFFBOARDING");
            });
            assertThat(new IssuedTokens(context).redcap(token.environment()).queryForObject(
                    "SELECT COUNT(*) FROM redcap_user_rights WHERE project_id = ? AND username = 'bob' AND api_token IS NULL",
                    Integer.class, token.projectId())).as("the value is gone from REDCap").isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select outcome from offboarding_event where id = ?", String.class, offboarding))
                .isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select count(*) from offboarding_revocation where event_id = ? and revoked_at is not null",
                Integer.class, offboarding)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select outcome_details from offboarding_event where id = ?", String.class, offboarding))
                .contains("6 token(s) of bob revoked; the last");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("TokenLifecycleProcess")
                .variableValueEquals("holder", "bob").count()).as("the tokens' lifecycles ended").isZero();
        assertThat(keycloakGroupsOf("bob")).doesNotContain("redcap-api-qa", "redcap-api-prod");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(offboarding).singleResult())
                .satisfies(done -> assertThat(done.getEndActivityId()).isEqualTo("EndEvent_PersonOffboarded"));
    }

    @Test
    void theSameEventSentTenTimesAtOnceStartsOneOffboardingAndRevokesEachTokenOnce() throws Exception {
        IssuedToken prod = new IssuedTokens(context).issue("alice", PROD, 101);
        IssuedToken qa = new IssuedTokens(context).issue("alice", QA, 201);
        String body = HrWebhookClient.event(OffboardingEvent.TERMINATED, "alice", null, Instant.now());
        String webhookId = "msg_" + UUID.randomUUID();

        ExecutorService senders = Executors.newFixedThreadPool(10);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(senders.submit((Callable<HttpResponse<String>>) () -> hr().deliver(webhookId, body)));
        }
        Set<String> ids = new HashSet<>();
        for (Future<HttpResponse<String>> answer : answers) {
            ids.add(offboardingId(answer.get()));
        }
        senders.shutdown();
        Jobs.runDue(management);

        assertThat(ids).hasSize(1);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(OffboardingVariables.PROCESS)
                .variableValueEquals(OffboardingVariables.USERNAME, "alice").count()).isEqualTo(1);
        for (IssuedToken token : List.of(prod, qa)) {
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ? and token_id = ?",
                    Integer.class, AuditAction.TOKEN_REVOKED.name(), token.id())).as("revoked once").isEqualTo(1);
        }
    }

    @Test
    void scimDeactivationWithFalseOrWithTheStringFalseOffboards() throws Exception {
        IssuedToken rita = new IssuedTokens(context).issue("rita", PROD, 101);
        IssuedToken sam = new IssuedTokens(context).issue("sam", PROD, 101);
        String ritaValue = valueOf(rita);
        String samValue = valueOf(sam);

        assertThat(scimPatch("rita", "false").statusCode()).isEqualTo(200);
        assertThat(scimPatch("sam", "\"False\"").statusCode()).isEqualTo(200);
        Jobs.runDue(management);

        assertThat(apiStatus(ritaValue, PROD)).isEqualTo(403);
        assertThat(apiStatus(samValue, PROD)).isEqualTo(403);
        assertThat(registry.find(sam.id()).orElseThrow().revocationReason()).isEqualTo("OFFBOARDING");
    }

    @Test
    void leavingOneProjectRevokesOnlyThatProjectsToken() throws Exception {
        IssuedTokens issue = new IssuedTokens(context);
        IssuedToken stays = issue.issue("carol", PROD, 104);
        IssuedToken goes = issue.issue("carol", PROD, 105);

        offboardingId(hr().deliver(HrWebhookClient.event(OffboardingEvent.LEFT_PROJECT, "carol", 105L, Instant.now())));
        Jobs.runDue(management);

        assertThat(apiStatus(valueOf(stays), PROD)).isEqualTo(200);
        assertThat(registry.find(goes.id()).orElseThrow().revocationReason()).isEqualTo("LEFT_PROJECT");
        assertThat(issue.redcap(PROD).queryForObject("SELECT api_token IS NULL FROM redcap_user_rights"
                + " WHERE project_id = 105 AND username = 'carol'", Boolean.class)).as("the value is gone").isTrue();
        assertThat(registry.find(stays.id()).orElseThrow().state()).isEqualTo(TokenState.ACTIVE);
    }

    /** Issue 13, item 2: a leaver loses their REDCap access to the project, not only their tokens; REDCap keeps its history. */
    @Test
    void leavingAnEnrolledProjectEndsTheirRedcapAccessToItAndKeepsTheirUserRow() throws Exception {
        IssuedTokens issue = new IssuedTokens(context);
        IssuedToken token = issue.issue("eve", PROD, 101);
        JdbcTemplate redcap = issue.redcap(PROD);

        offboardingId(hr().deliver(HrWebhookClient.event(OffboardingEvent.LEFT_PROJECT, "eve", 101L, Instant.now())));
        Jobs.runDue(management);

        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        assertThat(redcap.queryForObject("SELECT expiration FROM redcap_user_rights WHERE project_id = 101"
                + " AND username = 'eve'", LocalDate.class)).as("REDCap's own day: it refuses them on it").isEqualTo(today);
        String madeAnyway = "E" + "0".repeat(30) + "E";
        redcap.update("UPDATE redcap_user_rights SET api_token = ? WHERE project_id = 101 AND username = 'eve'", madeAnyway);
        assertThat(apiStatus(madeAnyway, PROD)).as("a token made for them anyway is refused: their access expired")
                .isEqualTo(403);
        String logTable = redcap.queryForObject("SELECT log_event_table FROM redcap_projects WHERE project_id = 101",
                String.class);
        assertThat(redcap.queryForObject("SELECT COUNT(*) FROM " + logTable + " WHERE project_id = 101"
                + " AND description = 'Edit user' AND pk = 'eve'", Integer.class)).as("logged as REDCap logs it").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PROJECT_ACCESS_ENDED'"
                + " and details like 'eve left project 101%access ends on " + today + "%'", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject like ?", Long.class,
                "%eve's access to project 101 ends on " + today + "%")).isEqualTo(1);
    }

    @Test
    void eventsFollowTheirEffectiveDatesNotTheirArrival() throws Exception {
        IssuedToken token = new IssuedTokens(context).issue("pat", PROD, 106);
        Instant now = Instant.now();
        offboardingId(hr().deliver(HrWebhookClient.event(OffboardingEvent.REHIRED, "pat", null, now.minusSeconds(3600))));
        String late = offboardingId(hr().deliver(
                HrWebhookClient.event(OffboardingEvent.TERMINATED, "pat", null, now.minusSeconds(7200))));
        Jobs.runDue(management);

        assertThat(apiStatus(valueOf(token), PROD)).as("the termination was dated before the rehire").isEqualTo(200);
        assertThat(jdbc.queryForObject("select outcome from offboarding_event where id = ?", String.class, late))
                .isEqualTo("IGNORED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ? and details like ?", Integer.class,
                AuditAction.OFFBOARDING_EVENT_IGNORED.name(), "%" + late + "%")).isEqualTo(1);
    }

    private HttpResponse<String> scimPatch(String username, String activeValue) throws Exception {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":" + activeValue + "}]}";
        return http.send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + "/scim/v2/Users/" + username))
                .header("Authorization", "Bearer " + SCIM_TOKEN)
                .header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> keycloakGroupsOf(String username) {
        String id = realm.users().searchByUsername(username, true).get(0).getId();
        return realm.users().get(id).groups().stream().map(group -> group.getName()).toList();
    }
}
