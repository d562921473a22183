package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.testsupport.EngineRest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.attestation.PolicyAttestations;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The app's token API over HTTP: who sees which tokens, and who may report what about a token, each report
 * carried out by the token's lifecycle and checked on the REDCap simulator's API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TokenRegistryApiIT.OwnServers.class)
class TokenRegistryApiIT {

    /** A context of its own: these tests revoke, suspend and regenerate tokens. */
    static class OwnServers extends RealServers {
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired org.tokengov.registry.TokenRegistry registry;
    @Autowired ProjectPis pis;

    final HttpClient http = HttpClient.newHttpClient();

    @org.junit.jupiter.api.BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
    }

    @Test
    void holdersSeeTheirOwnTokensAndAdministratorsSeeAll() throws Exception {
        PipelineDriver pipeline = new PipelineDriver(runtime, tasks, identity, management);
        pipeline.requestUntilQaToken("alice");
        pipeline.requestUntilQaToken("bob");

        JsonNode alices = json(get("/api/tokens", "alice"));
        assertThat(holders(alices)).isNotEmpty().containsOnly("alice");
        assertThat(alices.get(0).has("fingerprint")).isFalse();
        assertThat(alices.get(0).get("expiresAt").asText()).isNotBlank();

        assertThat(holders(json(get("/api/tokens", "ada")))).contains("alice", "bob");
        assertThat(holders(json(get("/api/tokens?holder=bob&state=QA_ACTIVE", "ada")))).isNotEmpty().containsOnly("bob");
    }

    @Test
    void othersTokensBadFiltersAndAnonymousCallsAreRefused() throws Exception {
        HttpResponse<String> othersTokens = get("/api/tokens?holder=bob", "alice");
        assertThat(othersTokens.statusCode()).isEqualTo(400);
        assertThat(othersTokens.body()).contains("Only REDCap administrators may list other people's tokens");

        HttpResponse<String> badState = get("/api/tokens?state=LOST", "ada");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("state must be one of");

        assertThat(get("/api/tokens", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theHolderReportsACompromiseAndGetsANewValue() throws Exception {
        String tokenId = qaTokenOf("erin");
        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        String before = simulator.tokenOf("qa", "erin", 201);

        assertThat(post("/api/tokens/" + tokenId + "/compromised", "alice", null).statusCode()).isEqualTo(403);
        assertThat(post("/api/tokens/" + tokenId + "/compromised", "erin", null).statusCode()).isEqualTo(202);
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("qa", before)).isEqualTo(403);
        assertThat(simulator.versionStatus("qa", simulator.tokenOf("qa", "erin", 201))).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsSuspendAndOnlyWithAReason() throws Exception {
        String tokenId = qaTokenOf("rita");

        assertThat(post("/api/tokens/" + tokenId + "/suspension", "alice", "{\"reason\": \"too many calls\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> noReason = post("/api/tokens/" + tokenId + "/suspension", "ada", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Give the reason for the suspension");
        assertThat(post("/api/tokens/" + tokenId + "/suspension", "ada", "{\"reason\": \"Full exports every 5 s\"}")
                .statusCode()).isEqualTo(202);
        Jobs.runDue(management);

        assertThat(registry.find(tokenId).orElseThrow().state()).isEqualTo(org.tokengov.registry.TokenState.SUSPENDED);
        assertThat(post("/api/tokens/" + tokenId + "/suspension", "ada", "{\"reason\": \"again\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void thePiReportsThatSomeoneLeftTheProject() throws Exception {
        String tokenId = qaTokenOf("bob");

        assertThat(post("/api/tokens/" + tokenId + "/left-project", "alice", null).statusCode()).isEqualTo(403);
        assertThat(post("/api/tokens/" + tokenId + "/left-project", "pat", null).statusCode()).isEqualTo(202);
        Jobs.runDue(management);

        assertThat(registry.find(tokenId).orElseThrow().revocationReason()).isEqualTo("LEFT_PROJECT");
        assertThat(post("/api/tokens/" + tokenId + "/left-project", "pat", null).statusCode())
                .as("a revoked token takes no more reports").isEqualTo(409);
    }

    @Test
    void theHolderReportsACodeChangeForReTesting() throws Exception {
        String tokenId = qaTokenOf("alice");

        assertThat(post("/api/tokens/" + tokenId + "/code-change", "bob", "{\"reason\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(post("/api/tokens/" + tokenId + "/code-change", "alice", null).statusCode()).isEqualTo(400);
        assertThat(post("/api/tokens/" + tokenId + "/code-change", "alice", "{\"reason\": \"Adds the AE form\"}")
                .statusCode()).isEqualTo(202);

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tokenId).taskDefinitionKey("Task_RetestChangeInQa")
                .singleResult().getAssignee()).isEqualTo("alice");
        assertThat(post("/api/tokens/no-such-token/code-change", "alice", "{\"reason\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(post("/api/tokens/" + tokenId + "/compromised", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aUserWithReadOnlyUserRightsIsNoPi() throws Exception {
        String tokenId = qaTokenOf("alice");
        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        try {
            assertThat(simulator.importUsers("qa", RealServers.QA_STEWARD_TOKEN, "[{\"username\":\"bob\",\"user_rights\":2}]")
                    .statusCode()).isEqualTo(200);
            assertThat(userRightsOf(simulator, "bob")).as("REDCap exports read-only as 2").isEqualTo(2);

            HttpResponse<String> readOnly = post("/api/tokens/" + tokenId + "/left-project", "bob", null);
            assertThat(readOnly.statusCode()).isEqualTo(403);
            assertThat(pis.isPi("bob", RedcapEnvironment.QA, 201)).isFalse();

            simulator.importUsers("qa", RealServers.QA_STEWARD_TOKEN, "[{\"username\":\"bob\",\"user_rights\":1}]");
            assertThat(userRightsOf(simulator, "bob")).isEqualTo(1);
            assertThat(pis.isPi("bob", RedcapEnvironment.QA, 201)).as("full User Rights make a PI").isTrue();
        } finally {
            simulator.importUsers("qa", RealServers.QA_STEWARD_TOKEN, "[{\"username\":\"bob\",\"user_rights\":0}]");
        }
        assertThat(registry.find(tokenId).orElseThrow().revocationReason()).as("nothing happened to the token").isNull();
    }

    @Test
    void reasonsAreStrictJsonOnOneLine() throws Exception {
        String tokenId = qaTokenOf("alice");
        long retests = retestsOf(tokenId);
        Map<String, String> refusals = Map.of(
                "{\"reason\":\"a\",\"reason\":\"b\"}", "Duplicate field 'reason'",
                "{\"reason\":\"a\"} {}", "The body is not valid JSON",
                "{\"reason\":5}", "reason must be a string.",
                "{\"reason\":\"a\",\"urgent\":true}", "Unknown field \"urgent\"",
                "{\"reason\":null}", "Describe the change",
                "{\"reason\":\"Adds the AE form\\u0000\"}", "without control characters",
                "{\"reason\":\"Adds the AE form\\nINFO forged log line\"}", "without control characters",
                "\"Adds the AE form\"", "The body must be one JSON object.");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            HttpResponse<String> response = post("/api/tokens/" + tokenId + "/code-change", "alice", refusal.getKey());
            assertThat(response.statusCode()).as(refusal.getKey()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).as(refusal.getKey()).contains(refusal.getValue());
        }
        HttpResponse<String> suspension = post("/api/tokens/" + tokenId + "/suspension", "ada", "{\"reason\":[\"a\"]}");
        assertThat(suspension.statusCode()).isEqualTo(400);

        assertThat(retestsOf(tokenId)).as("no re-test started").isEqualTo(retests);
        assertThat(registry.find(tokenId).orElseThrow().state()).isNotEqualTo(org.tokengov.registry.TokenState.SUSPENDED);
    }

    @Test
    void reportsWithoutDetailsTakeNoBodyOrJsonButNeverAForm() throws Exception {
        String tokenId = qaTokenOf("rita");
        String path = "/api/tokens/" + tokenId + "/no-longer-needed";

        assertThat(post(path, "rita", "reason=x", "application/x-www-form-urlencoded").statusCode()).isEqualTo(415);
        assertThat(post(path, "rita", null, "application/x-www-form-urlencoded").statusCode()).as("even without a body")
                .isEqualTo(415);
        assertThat(post(path, "rita", "{}", "text/plain").statusCode()).isEqualTo(415);
        HttpResponse<String> details = post(path, "rita", "{\"reason\":\"x\"}");
        assertThat(details.statusCode()).isEqualTo(400);
        assertThat(json(details).get("error").asText()).isEqualTo("Unknown field \"reason\": this body takes no fields.");
        assertThat(post("/api/tokens/" + tokenId + "%01/compromised", "rita", null).statusCode()).isEqualTo(400);
        assertThat(registry.find(tokenId).orElseThrow().revocationReason()).as("still live").isNull();

        assertThat(post(path, "rita", null, null).statusCode()).as("no body, no type").isEqualTo(202);
        Jobs.runDue(management);
        assertThat(registry.find(tokenId).orElseThrow().revocationReason()).isEqualTo("NO_LONGER_NEEDED");
    }

    @Test
    void aForeignOriginOrAnOversizedBodyChangesNothing() throws Exception {
        String tokenId = qaTokenOf("erin");
        String path = "/api/tokens/" + tokenId + "/compromised";
        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        String value = simulator.tokenOf("qa", "erin", 201);
        long retests = retestsOf(tokenId);

        HttpResponse<String> foreign = send(request(path, "erin").header("Origin", "https://evil.example.org")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> oversized = post("/api/tokens/" + tokenId + "/code-change", "erin",
                "{\"reason\":\"" + "x".repeat(1024 * 1024) + "\"}");

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(oversized.statusCode()).isEqualTo(413);
        Jobs.runDue(management);
        assertThat(retestsOf(tokenId)).isEqualTo(retests);
        assertThat(simulator.tokenOf("qa", "erin", 201)).as("not regenerated").isEqualTo(value);
        assertThat(send(request(path, "erin").header("Origin", RealServers.baseUrl(context))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("the app's own origin").isEqualTo(202);
        Jobs.runDue(management);
        assertThat(simulator.tokenOf("qa", "erin", 201)).as("regenerated").isNotEqualTo(value);
    }

    private long retestsOf(String tokenId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(tokenId).taskDefinitionKey("Task_RetestChangeInQa").count();
    }

    private static int userRightsOf(SimulatorHttp simulator, String username) throws IOException {
        for (JsonNode user : simulator.exportUsers("qa", RealServers.QA_STEWARD_TOKEN)) {
            if (user.get("username").asText().equals(username)) {
                return user.get("user_rights").asInt();
            }
        }
        throw new AssertionError(username + " is not on the QA project");
    }

    private String qaTokenOf(String holder) {
        new PipelineDriver(runtime, tasks, identity, management).requestUntilQaToken(holder);
        return registry.liveToken(holder, org.tokengov.redcap.RedcapEnvironment.QA, 201).orElseThrow().id();
    }

    private HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
        return post(path, user, json, "application/json");
    }

    private HttpResponse<String> post(String path, String user, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, user)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** "Who had API access to project X on date D": a scripted history, asked by an administrator, a PI and others. */
    @Test
    void whoHadApiAccessToAProjectOnADateForAdministratorsAndTheProjectsPis() throws Exception {
        IssuedTokens issued = new IssuedTokens(context);
        String endedTheDayBefore = issued.issue("eve", RedcapEnvironment.PROD, 4242).id();
        String endedThatDay = issued.issue("sam", RedcapEnvironment.PROD, 4242).id();
        String madeThatNight = issued.issue("rita", RedcapEnvironment.PROD, 4242).id();
        String madeTheDayAfter = issued.issue("bob", RedcapEnvironment.PROD, 4242).id();
        JdbcTemplate app = context.getBean(JdbcTemplate.class);
        history(app, endedTheDayBefore, "2026-06-01T09:00:00Z", "2026-06-29T23:59:59Z");
        history(app, endedThatDay, "2026-06-10T09:00:00Z", "2026-06-30T15:00:00Z");
        history(app, madeThatNight, "2026-06-30T23:00:00Z", null);
        history(app, madeTheDayAfter, "2026-07-01T00:00:00Z", null);
        issued.addProjectUser(RedcapEnvironment.PROD, 4242, "pat");
        issued.redcap(RedcapEnvironment.PROD).update("UPDATE redcap_user_rights SET user_rights = 1 WHERE project_id = 4242"
                + " AND username = 'pat'");

        JsonNode asAdministrator = json(get("/api/access?project=4242&on=2026-06-30&environment=PROD", "ada"));
        JsonNode asPi = json(get("/api/access?project=4242&on=2026-06-30", "pat"));

        for (JsonNode answer : List.of(asAdministrator, asPi)) {
            assertThat(answer.get("environments").toString()).isEqualTo("[\"PROD\"]");
            assertThat(StreamSupport.stream(answer.get("holders").spliterator(), false)
                    .map(holding -> holding.get("tokenId").asText())).containsExactlyInAnyOrder(endedThatDay, madeThatNight);
        }
        JsonNode sams = StreamSupport.stream(asAdministrator.get("holders").spliterator(), false)
                .filter(holding -> holding.get("holder").asText().equals("sam")).findFirst().orElseThrow();
        assertThat(sams.get("until").asText()).startsWith("2026-06-30T15:00");
        assertThat(sams.get("rights").toString()).isEqualTo("[\"export\"]");

        HttpResponse<String> notThePi = get("/api/access?project=4242&on=2026-06-30", "alice");
        assertThat(notThePi.statusCode()).isEqualTo(403);
        assertThat(notThePi.body()).contains("Only REDCap administrators and the project's PIs");
        for (String bad : List.of("project=abc&on=2026-06-30", "project=4242&on=30/06/2026", "on=2026-06-30",
                "project=4242", "project=-1&on=2026-06-30", "project=4242&on=2026-06-30&environment=STAGING")) {
            HttpResponse<String> refused = get("/api/access?" + bad, "ada");
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("\"error\"");
        }
        assertThat(get("/api/access?project=4242&on=2026-06-30", null).statusCode()).isEqualTo(401);
    }

    /** A token's evidence over a scripted history: each gate with who and when, for administrators and the PI only. */
    @Test
    void aTokensEvidenceShowsEveryGateWithWhoAndWhenToAdministratorsAndThePi() throws Exception {
        for (IssuedToken earlier : registry.liveTokensOn(RedcapEnvironment.QA, 201)) {
            if (earlier.holder().equals("erin")) {
                // another test's token: erin may hold one token per project
                assertThat(post("/api/tokens/" + earlier.id() + "/no-longer-needed", "erin", null).statusCode()).isEqualTo(202);
            }
        }
        Jobs.runDue(management);
        Instant start = Instant.now().minusSeconds(1);
        String requestId = new PipelineDriver(runtime, tasks, identity, management).requestUntilQaToken("erin").getId();
        String tokenId = registry.ofRequest(requestId).get(0).id();
        context.getBean(PolicyAttestations.class).recordAttestation("erin", "campaign-of-the-evidence-test");
        assertThat(post("/api/tokens/" + tokenId + "/suspension", "ada",
                "{\"reason\": \"<script>alert('x')</script> full exports every 5 s\"}").statusCode()).isEqualTo(202);
        Jobs.runDue(management);
        assertThat(post("/api/tokens/" + tokenId + "/left-project", "pat", null).statusCode()).isEqualTo(202);
        Jobs.runDue(management);
        String path = "/api/tokens/" + tokenId + "/evidence";

        JsonNode asAdministrator = json(get(path, "ada"));
        JsonNode asPi = json(get(path, "pat"));

        assertThat(asPi).isEqualTo(asAdministrator);
        JsonNode token = asAdministrator.get("token");
        assertThat(token.get("holder").asText()).isEqualTo("erin");
        assertThat(token.get("environment").asText()).isEqualTo("QA");
        assertThat(token.get("projectId").asLong()).isEqualTo(201);
        assertThat(token.get("state").asText()).isEqualTo("REVOKED");
        assertThat(token.get("revocationReason").asText()).isEqualTo("LEFT_PROJECT");
        assertThat(Instant.parse(token.get("revokedAt").asText())).isAfter(start);
        assertThat(token.has("fingerprint")).isFalse();
        JsonNode request = asAdministrator.get("request");
        assertThat(request.get("requestId").asText()).isEqualTo(requestId);
        assertThat(request.get("submitter").asText()).isEqualTo("erin");
        assertThat(request.get("rights").toString()).isEqualTo("[\"export\"]");
        assertThat(request.get("callSchedule").asText()).isEqualTo("Nightly at 02:00");
        assertThat(request.get("fairUseAccepted").asBoolean()).isTrue();

        List<JsonNode> items = StreamSupport.stream(asAdministrator.get("evidence").spliterator(), false).toList();
        List<String> ledgerLines = items.stream().filter(item -> item.get("source").asText().endsWith("LEDGER"))
                .map(item -> item.get("kind").asText() + " " + item.get("outcome").asText() + " by "
                        + item.get("actor").asText()).toList();
        assertThat(ledgerLines).containsExactly("ELIGIBILITY ELIGIBLE by system", "SPONSORSHIP CONFIRMED by pat",
                "PI_CONSENT NOT_REQUIRED by system", "TOKEN_ISSUED QA by system", "HOLD_PLACED VALUE_REMOVED by system",
                "SUSPENDED null by ada");
        List<Instant> times = items.stream().map(item -> Instant.parse(item.get("at").asText())).toList();
        assertThat(times).isSorted().allSatisfy(at -> assertThat(at).isBetween(start, Instant.now()));
        List<String> auditLines = items.stream().filter(item -> item.get("source").asText().equals("AUDIT"))
                .map(item -> item.get("kind").asText() + " by " + item.get("actor").asText()).toList();
        assertThat(auditLines).contains("TOKEN_SUSPENDED by ada");
        assertThat(auditLines.get(auditLines.size() - 1)).startsWith("TOKEN_REVOKED");
        assertThat(items).filteredOn(item -> item.get("source").asText().equals("ATTESTATION")).singleElement()
                .satisfies(item -> {
                    assertThat(item.get("actor").asText()).isEqualTo("erin");
                    assertThat(item.get("details").asText()).isEqualTo("annual attestation, campaign campaign-of-the-evidence-test");
                });
        JsonNode suspended = items.stream().filter(item -> item.get("kind").asText().equals("SUSPENDED")).findFirst()
                .orElseThrow();
        assertThat(suspended.get("subject").asText()).isEqualTo("erin");
        assertThat(suspended.get("details").asText()).startsWith("<script>alert('x')</script>");

        HttpResponse<String> page = get(path + "?format=html", "pat");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("SPONSORSHIP", "Nightly at 02:00", requestId);

        HttpResponse<String> notThePi = get(path, "alice");
        assertThat(notThePi.statusCode()).isEqualTo(403);
        assertThat(notThePi.body()).contains("Only REDCap administrators and the PIs");
        assertThat(get(path + "?format=html", "erin").statusCode()).as("not even the holder").isEqualTo(403);
        assertThat(get("/api/tokens/no-such-token/evidence", "ada").statusCode()).isEqualTo(404);
        assertThat(get(path + "?format=pdf", "ada").statusCode()).isEqualTo(400);
        assertThat(get(path, null).statusCode()).isEqualTo(401);
    }

    private static void history(JdbcTemplate app, String tokenId, String issuedAt, String endedAt) {
        app.update("update api_token set issued_at = ?, revoked_at = ?, state = ? where id = ?",
                Timestamp.from(Instant.parse(issuedAt)), endedAt == null ? null : Timestamp.from(Instant.parse(endedAt)),
                endedAt == null ? "ACTIVE" : "REVOKED", tokenId);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> holders(JsonNode tokens) {
        return StreamSupport.stream(tokens.spliterator(), false).map(token -> token.get("holder").asText()).toList();
    }
}
