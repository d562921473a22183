package org.tokengov.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.audit.AuditAction;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.offboarding.OffboardingEvents;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * Reconciliation against the REDCap simulator's schema in MariaDB, each finding made the way people make it: in the
 * Control Center, on a project's API page, on User Rights. A context of its own: its first reconciliation onboards
 * the projects, and the tokens it finds must not surprise other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = ReconciliationIT.OwnServers.class)
@ActiveProfiles("embedded")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationIT {

    /** Its own databases; the mails of a thousand adoptions are not logged one by one. */
    static class OwnServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("logging.level.org.tokengov.notification=WARN").applyTo(context);
        }
    }

    static final int EXISTING = 1_000;

    @Autowired ConfigurableApplicationContext context;
    @Autowired Reconciliation reconciliation;
    @Autowired TokenRegistry registry;
    @Autowired Ledger ledger;
    @Autowired TokenLifecycles lifecycles;
    @Autowired OffboardingEvents offboardings;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    /** What people do in REDCap's own pages, behind the system's back; each must succeed. */
    static void done(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
    }

    SimulatorHttp simulator() {
        return new SimulatorHttp(RealServers.baseUrl(context));
    }

    IssuedTokens issued() {
        return new IssuedTokens(context);
    }

    ReconciliationReport reconcile() {
        ReconciliationReport report = reconciliation.run(Reconciliation.Scope.EVERYTHING, "ada");
        Jobs.runDue(management);
        return report;
    }

    HttpResponse<String> api(String method, String path, String user, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    IssuedToken only(RedcapEnvironment environment, long projectId, String holder, TokenState state) {
        List<IssuedToken> found = registry.ofUserOn(environment, projectId, holder).stream()
                .filter(token -> token.state() == state).toList();
        assertThat(found).as(holder + " " + state + " on " + environment + " " + projectId).hasSize(1);
        return found.get(0);
    }

    String valueOf(String environment, String username, long projectId) {
        return simulator().tokenOf(environment, username, projectId);
    }

    int status(String environment, String value) {
        return simulator().versionStatus(environment, value);
    }

    long mailsAbout(String subjectPart) {
        return jdbc.queryForObject("select count(*) from mail_outbox where subject like ?", Long.class,
                "%" + subjectPart + "%");
    }

    @Test
    @Order(1)
    void theFirstReconciliationTakesInTheExistingTokensOnceAndOnlyOnce() throws Exception {
        JdbcTemplate redcap = issued().redcap(PROD);
        List<Object[]> users = new ArrayList<>();
        List<Object[]> rights = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 1; i <= EXISTING; i++) {
            String username = String.format("user%04d", i);
            byte[] value = new byte[16];
            random.nextBytes(value);
            users.add(new Object[] {username, username + "@example.org"});
            rights.add(new Object[] {101, username, HexFormat.of().withUpperCase().formatHex(value)});
            User person = identity.newUser(username);
            person.setEmail(username + "@example.org");
            identity.saveUser(person);
        }
        redcap.batchUpdate("INSERT INTO redcap_user_information (username, user_email) VALUES (?, ?)", users);
        redcap.batchUpdate("INSERT INTO redcap_user_rights (project_id, username, api_token, api_export, user_rights)"
                + " VALUES (?, ?, ?, 1, 0)",
                rights);
        // Made by hand before the system came: an external without a sponsor, and a service account.
        done(simulator().controlCenterToken("prod", "create", "eve", 101, "ada"));
        done(simulator().controlCenterToken("prod", "create", "svc_etl", 101, "ada"));
        String eveValue = valueOf("prod", "eve", 101);
        long registered = registry.all().size();

        HttpResponse<String> dryRun = api("POST", "/api/onboarding", "ada", "application/json",
                "{\"dryRun\": true, \"environment\": \"PROD\"}");
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode preview = EngineRest.json(dryRun);
        assertThat(preview.get("counts").get("EXISTING").asInt()).isEqualTo(EXISTING + 2);
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.body()).contains("revoked at once (SPONSOR_LEFT)", "service account", "adopted, valid until");
        assertThat(registry.all()).as("a dry run writes nothing").hasSize((int) registered);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("FoundTokenProcess").count()).isZero();

        HttpResponse<String> real = api("POST", "/api/onboarding", "ada", "application/json",
                "{\"dryRun\": false, \"environment\": \"PROD\"}");
        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        assertThat(EngineRest.json(real).get("counts").get("EXISTING").asInt()).isEqualTo(EXISTING + 2);
        Jobs.runDueConcurrently(management, 4);

        IssuedToken first = only(PROD, 101, "user0001", TokenState.ACTIVE);
        assertThat(first.requestId()).isNull();
        assertThat(first.expiresAt()).isAfter(Instant.now().plus(89, ChronoUnit.DAYS))
                .isBefore(Instant.now().plus(91, ChronoUnit.DAYS));
        assertThat(first.fingerprint()).isEqualTo(TokenFingerprint.of(valueOf("prod", "user0001", 101)).sha256Hex());
        assertThat(ledger.entries(CaseRef.token(first.id()))).extracting(LedgerEntry::kind)
                .contains(LedgerKind.FOUND, LedgerKind.ADOPTED);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("TokenLifecycleProcess")
                .processInstanceBusinessKey(first.id()).count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskAssignee("user0001").taskDefinitionKey("Task_RetestChangeInQa").count())
                .as("the review after the fact starts with the holder").isEqualTo(1);
        assertThat(registry.all().stream().filter(token -> token.state() == TokenState.ACTIVE && token.requestId() == null)
                .count()).isEqualTo(EXISTING);

        IssuedToken eve = only(PROD, 101, "eve", TokenState.REVOKED);
        assertThat(eve.revocationReason()).isEqualTo(RevocationReason.SPONSOR_LEFT.name());
        assertThat(status("prod", eveValue)).as("eve's token is dead in REDCap").isEqualTo(403);
        IssuedToken service = only(PROD, 101, "svc_etl", TokenState.FOUND);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(service.id())
                .activityIdIn("Timer_ServiceAccountCutover").count()).as("works until the cutover").isEqualTo(1);
        assertThat(mailsAbout("stops on")).isEqualTo(1);

        long afterOnboarding = registry.all().size();
        long lifecyclesAfter = runtime.createProcessInstanceQuery().processDefinitionKey("TokenLifecycleProcess").count();
        ReconciliationReport again = reconcile();
        assertThat(again.counts()).as("nothing new: " + again.items()).isEmpty();
        assertThat(registry.all()).hasSize((int) afterOnboarding);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("TokenLifecycleProcess").count())
                .isEqualTo(lifecyclesAfter);
    }

    @Test
    @Order(2)
    void aTokenMadeInTheControlCenterIsDecidedOnByAnAdministratorWhoDidNotMakeIt() throws Exception {
        // rita administers REDCap too: a super user, so the Control Center is hers.
        issued().redcap(PROD).update("UPDATE redcap_user_information SET super_user = 1 WHERE username = 'rita'");
        done(simulator().userRights("prod", "bob", 101, Map.of("api_export", "1", "by", "pat")));
        done(simulator().controlCenterToken("prod", "create", "bob", 101, "rita"));
        String value = valueOf("prod", "bob", 101);
        assertThat(status("prod", value)).isEqualTo(200);

        ReconciliationReport report = reconcile();
        assertThat(report.counts()).containsEntry("UNKNOWN", 1);
        IssuedToken found = only(PROD, 101, "bob", TokenState.FOUND);
        assertThat(found.fingerprint()).isEqualTo(TokenFingerprint.of(value).sha256Hex());
        assertThat(ledger.entries(CaseRef.token(found.id())).get(0).subject()).as("who made it, by REDCap's log")
                .isEqualTo("rita");
        Task decision = tasks.createTaskQuery().processInstanceBusinessKey(found.id())
                .taskDefinitionKey("Task_DecideOnFoundToken").singleResult();
        assertThat(tasks.getIdentityLinksForTask(decision.getId())).extracting(IdentityLink::getUserId)
                .contains("ada").doesNotContain("rita", "bob");
        assertThat(reconcile().counts()).as("found once, not twice").isEmpty();

        EngineRest rest = new EngineRest(RealServers.baseUrl(context));
        String adopt = EngineRest.variables("foundTokenDecision", "String", "ADOPT");
        assertThat(rest.post("/task/" + decision.getId() + "/complete", "rita", "demo", adopt).statusCode())
                .as("the maker may not decide").isEqualTo(403);
        assertThat(rest.post("/task/" + decision.getId() + "/complete", "bob", "demo", adopt).statusCode())
                .as("nor the holder").isEqualTo(403);
        HttpResponse<String> decided = rest.post("/task/" + decision.getId() + "/complete", "ada", "demo", adopt);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
        Jobs.runDue(management);

        IssuedToken adopted = registry.find(found.id()).orElseThrow();
        assertThat(adopted.state()).isEqualTo(TokenState.ACTIVE);
        assertThat(ledger.entries(CaseRef.token(found.id()))).filteredOn(entry -> entry.kind() == LedgerKind.ADOPTED)
                .extracting(LedgerEntry::actor).containsExactly("ada");
        assertThat(status("prod", value)).as("an adopted token keeps working").isEqualTo(200);
        assertThat(mailsAbout("is now governed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(3)
    void aFoundTokenOfSomeoneWithoutAnAccountIsRevokedAtOnce() {
        issued().addProjectUser(PROD, 101, "lee");
        done(simulator().controlCenterToken("prod", "create", "lee", 101, "ada"));
        String value = valueOf("prod", "lee", 101);

        reconcile();

        IssuedToken lee = only(PROD, 101, "lee", TokenState.REVOKED);
        assertThat(lee.revocationReason()).isEqualTo(RevocationReason.OFFBOARDING.name());
        assertThat(status("prod", value)).isEqualTo(403);
        assertThat(valueOf("prod", "lee", 101)).as("the value is gone from REDCap").isNull();
    }

    @Test
    @Order(4)
    void aValueRegeneratedOnTheApiPageIsFollowedAndTheHolderTold() {
        IssuedToken token = issued().issue("alice", QA, 201);
        done(simulator().projectApiPage("qa", "regenerate", "alice", 201));
        String value = valueOf("qa", "alice", 201);
        long before = mailsAbout("changed outside the token system");

        assertThat(reconcile().counts()).containsEntry("CHANGED", 1);

        assertThat(registry.find(token.id()).orElseThrow().fingerprint()).isEqualTo(TokenFingerprint.of(value).sha256Hex());
        assertThat(mailsAbout("changed outside the token system")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where token_id = ? and action = ?", Long.class,
                token.id(), AuditAction.TOKEN_CHANGED_IN_REDCAP.name())).isEqualTo(1);
        assertThat(reconcile().counts()).isEmpty();
    }

    @Test
    @Order(5)
    void aRevokedTokenMadeAgainInTheControlCenterIsRevokedAgain() {
        IssuedToken token = issued().issue("rita", QA, 201);
        lifecycles.revoke(token.id(), RevocationReason.NO_LONGER_NEEDED, "rita");
        Jobs.runDue(management);
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        // The PI switches API export back on and an administrator makes a new token: it works again.
        done(simulator().userRights("qa", "rita", 201, Map.of("api_export", "1", "by", "pat")));
        done(simulator().controlCenterToken("qa", "create", "rita", 201, "ada"));
        String value = valueOf("qa", "rita", 201);
        assertThat(status("qa", value)).isEqualTo(200);

        assertThat(reconcile().counts()).containsEntry("REVIVED", 1);

        assertThat(status("qa", value)).isEqualTo(403);
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        assertThat(mailsAbout("REDCap changed behind the system's back: rita")).isGreaterThanOrEqualTo(1);
        assertThat(reconcile().counts()).isEmpty();
    }

    @Test
    @Order(6)
    void aTokenDeletedOnTheApiPageEndsItsLifecycle() {
        IssuedToken token = issued().issue("pat", QA, 201);
        done(simulator().projectApiPage("qa", "delete", "pat", 201));

        assertThat(reconcile().counts()).containsEntry("MISSING", 1);

        IssuedToken ended = registry.find(token.id()).orElseThrow();
        assertThat(ended.state()).isEqualTo(TokenState.REVOKED);
        assertThat(ended.revocationReason()).isEqualTo(RevocationReason.DELETED_IN_REDCAP.name());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(token.id()).count()).isZero();
        assertThat(reconcile().counts()).isEmpty();
    }

    @Test
    @Order(7)
    void aValueMadeAgainDuringAHoldIsDeletedAgain() {
        IssuedToken token = issued().issue("erin", QA, 201);
        String value = valueOf("qa", "erin", 201);
        lifecycles.suspend(token.id(), "Polls every second", "ada");
        Jobs.runDue(management);
        assertThat(status("qa", value)).isEqualTo(403);
        assertThat(valueOf("qa", "erin", 201)).as("the hold deleted the value").isNull();
        done(simulator().controlCenterToken("qa", "create", "erin", 201, "ada"));
        String madeAgain = valueOf("qa", "erin", 201);
        assertThat(status("qa", madeAgain)).as("an administrator made a new one meanwhile").isEqualTo(200);

        assertThat(reconcile().counts()).containsEntry("HOLD_UNDONE", 1);

        assertThat(status("qa", madeAgain)).isEqualTo(403);
        assertThat(registry.find(token.id()).orElseThrow().state()).isEqualTo(TokenState.SUSPENDED);
        assertThat(issued().redcap(QA).queryForObject("SELECT api_export FROM redcap_user_rights WHERE project_id = 201"
                + " AND username = 'erin'", Integer.class)).as("the PI's consent untouched").isEqualTo(1);
        assertThat(reconcile().counts()).isEmpty();
    }

    @Test
    @Order(8)
    void aSuperTokenIsFoundAndItsHoldersOffboardingRevokesIt() {
        done(simulator().controlCenterSuperToken("prod", "create", "sam"));
        JdbcTemplate redcap = issued().redcap(PROD);
        assertThat(redcap.queryForObject("SELECT COUNT(*) FROM redcap_user_information WHERE username = 'sam'"
                + " AND api_token IS NOT NULL", Integer.class)).isEqualTo(1);

        assertThat(reconcile().counts()).containsEntry("UNKNOWN", 1);
        IssuedToken superToken = only(PROD, 0, "sam", TokenState.FOUND);
        assertThat(superToken.superToken()).isTrue();

        offboardings.record("sam", "TEST", "left", OffboardingEvent.TERMINATED, null, null);
        Jobs.runDue(management);

        assertThat(registry.find(superToken.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        assertThat(redcap.queryForObject("SELECT COUNT(*) FROM redcap_user_information WHERE username = 'sam'"
                + " AND api_token IS NOT NULL", Integer.class)).as("the super token is gone from REDCap").isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(superToken.id()).count())
                .as("its decision is no longer waiting").isZero();
    }

    @Test
    @Order(9)
    void onlyAdministratorsOnboardAndReconcileAndBadInputChangesNothing() throws Exception {
        assertThat(api("POST", "/api/onboarding", "alice", "application/json", "{\"dryRun\": true}").statusCode())
                .isEqualTo(403);
        assertThat(api("POST", "/api/reconciliations", "alice", null, null).statusCode()).isEqualTo(403);
        assertThat(api("POST", "/api/onboarding/csv?dryRun=false", "alice", "text/csv",
                "holder,project,environment\nalice,101,PROD\n").statusCode()).isEqualTo(403);

        HttpResponse<String> noChoice = api("POST", "/api/onboarding", "ada", "application/json", "{}");
        assertThat(noChoice.statusCode()).isEqualTo(400);
        assertThat(noChoice.body()).contains("dryRun");
        assertThat(api("POST", "/api/onboarding", "ada", "application/json",
                "{\"dryRun\": true, \"environment\": \"STAGING\"}").statusCode()).isEqualTo(400);
        assertThat(api("POST", "/api/onboarding", "ada", "application/json",
                "{\"dryRun\": true, \"environment\": \"PROD\", \"projectIds\": [999]}").body()).contains("not enrolled");
        assertThat(api("POST", "/api/onboarding", "ada", "application/json",
                "{\"dryRun\": true, \"token\": \"x\"}").statusCode()).as("unknown fields").isEqualTo(400);

        long registered = registry.all().size();
        HttpResponse<String> badCsv = api("POST", "/api/onboarding/csv?dryRun=false", "ada", "text/csv",
                "holder,project,environment\ncarol,201,QA\nbob,abc,QA\nbob,201,STAGING\n");
        assertThat(badCsv.statusCode()).isEqualTo(400);
        assertThat(badCsv.body()).contains("Line 3", "Line 4");
        assertThat(registry.all()).as("one bad line, nothing written").hasSize((int) registered);
        assertThat(api("POST", "/api/onboarding/csv", "ada", "text/csv", "holder,project,environment\n").statusCode())
                .as("dryRun must be chosen").isEqualTo(400);
        assertThat(api("POST", "/api/onboarding/csv?dryRun=true", "ada", "application/json", "{}").statusCode())
                .isEqualTo(415);

        HttpResponse<String> started = api("POST", "/api/reconciliations", "ada", null, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Jobs.runDue(management);
        assertThat(jdbc.queryForObject("select actor from audit_event where action = ? order by id desc fetch first 1 rows only",
                String.class, AuditAction.RECONCILIATION_COMPLETED.name())).isEqualTo("ada");
    }

    @Test
    @Order(10)
    void theAdministratorsListTakesInTokensRedcapsDatabaseCannotShowOnce() throws Exception {
        issued().addProjectUser(QA, 201, "bob");
        String csv = "holder,project,environment\nbob,201,QA\nnobody,201,QA\n";

        HttpResponse<String> preview = api("POST", "/api/onboarding/csv?dryRun=true", "ada", "text/csv", csv);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(EngineRest.json(preview).get("counts").get("EXISTING").asInt()).isEqualTo(1);
        assertThat(EngineRest.json(preview).get("counts").get("NOT_A_PROJECT_USER").asInt()).isEqualTo(1);
        assertThat(registry.ofUserOn(QA, 201, "bob")).isEmpty();

        assertThat(api("POST", "/api/onboarding/csv?dryRun=false", "ada", "text/csv", csv).statusCode()).isEqualTo(200);
        Jobs.runDue(management);
        IssuedToken bob = only(QA, 201, "bob", TokenState.QA_ACTIVE);
        assertThat(bob.fingerprint()).as("API mode cannot read the value").isNull();

        HttpResponse<String> again = api("POST", "/api/onboarding/csv?dryRun=false", "ada", "text/csv", csv);
        assertThat(EngineRest.json(again).get("counts").get("ALREADY_REGISTERED").asInt()).isEqualTo(1);
        assertThat(registry.ofUserOn(QA, 201, "bob")).hasSize(1);
    }
}
