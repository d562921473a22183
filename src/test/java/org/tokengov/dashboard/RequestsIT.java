package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;

/**
 * {@code GET /api/requests} and the {@code /requests} page over real HTTP on PostgreSQL, with requests driven into
 * several states: each request's number (also in its Tasklist task names), state, reason, who must act and deadline;
 * requesters see only their own, administrators everyone's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RequestsIT.OwnServers.class)
class RequestsIT {

    /**
     * Databases of its own: alice and bob request several tokens here, and what other tests leave them in a shared
     * context (a live production token, a recorded departure) would make those requests ineligible.
     */
    static class OwnServers extends RealServers {
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired TokenRequests requests;
    @Autowired JdbcTemplate jdbc;

    PipelineDriver people;
    String app;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        app = RealServers.baseUrl(context);
        people = new PipelineDriver(runtime, tasks, identity, management);
    }

    @Test
    void eachRequestShowsItsNumberStateReasonWhoMustActAndDeadlineToItsRequesterAndTheAdministratorsOnly() {
        ProcessInstance testing = people.requestUntilQaToken("alice");
        ProcessInstance changes = people.requestUntilQaToken("alice");
        testedInQa("alice", changes);
        review(changes, "CHANGES_REQUESTED", "Please filter by date.");
        ProcessInstance rejected = people.requestUntilQaToken("alice");
        testedInQa("alice", rejected);
        review(rejected, "REJECTED", "It exports every record every minute.");
        ProcessInstance inReview = people.requestUntilQaToken("bob");
        testedInQa("bob", inReview);
        ProcessInstance issued = people.requestUntilQaToken("bob");
        testedInQa("bob", issued);
        review(issued, "APPROVED", "Good.");
        ProcessInstance approval = people.requestUntilQaToken("bob");
        testedInQa("bob", approval);
        review(approval, "APPROVED", "Good.");
        people.complete("ada", List.of("redcap-admins"), task(issued), Map.of("adminDecision", "APPROVED", "adminComments", "Fine."));
        Jobs.runDue(management);
        ProcessInstance sponsor = people.submitRequest("erin");
        Jobs.runDue(management);

        Map<String, JsonNode> alices = byId(get("/api/requests", "alice"));
        assertThat(alices.keySet()).isEqualTo(idsOf("alice"));
        JsonNode testingRow = alices.get(testing.getId());
        assertThat(testingRow.get("state").asText()).isEqualTo("QA_TESTING");
        assertThat(testingRow.get("number").asText()).matches("REQ-\\d{4}-\\d{4,}")
                .isEqualTo(requests.find(testing.getId()).orElseThrow().number());
        assertThat(testingRow.get("requester").asText()).isEqualTo("alice");
        assertThat(testingRow.get("productionProjectId").asLong()).isEqualTo(101);
        assertThat(testingRow.get("qaProjectId").asLong()).isEqualTo(201);
        assertThat(texts(testingRow.get("rights"))).containsExactly("export");
        assertThat(texts(testingRow.get("waitingFor"))).containsExactly("alice");
        assertThat(testingRow.get("since").asText()).isNotBlank();
        assertThat(testingRow.get("deadline").asText()).as("the QA step's deadline timer").isNotBlank();
        assertThat(testingRow.get("reason").isNull()).isTrue();
        assertThat(task(testing).getName()).as("Tasklist shows the number")
                .isEqualTo(requests.find(testing.getId()).orElseThrow().number() + ": Develop and test in QA (project 201)");
        assertThat(alices.get(changes.getId()).get("state").asText()).isEqualTo("CHANGES_REQUESTED");
        JsonNode rejectedRow = alices.get(rejected.getId());
        assertThat(rejectedRow.get("state").asText()).isEqualTo("REJECTED");
        assertThat(rejectedRow.get("reason").asText()).isEqualTo("Code review: It exports every record every minute.");
        assertThat(texts(rejectedRow.get("waitingFor"))).isEmpty();
        assertThat(rejectedRow.get("deadline").isNull()).isTrue();
        assertThat(alices.values()).extracting(request -> request.get("number").asText()).doesNotHaveDuplicates();

        Map<String, JsonNode> bobs = byId(get("/api/requests", "bob"));
        assertThat(bobs.keySet()).isEqualTo(idsOf("bob"));
        assertThat(bobs).doesNotContainKeys(ids(testing, changes, rejected, sponsor));
        JsonNode reviewRow = bobs.get(inReview.getId());
        assertThat(reviewRow.get("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(texts(reviewRow.get("waitingFor"))).as("the API specialists but the requester").containsExactly("rita", "sam");
        assertThat(task(inReview).getName()).startsWith(reviewRow.get("number").asText() + ": Review API code of bob");
        assertThat(bobs.get(approval.getId()).get("state").asText()).isEqualTo("WAITING_FOR_APPROVAL");
        assertThat(texts(bobs.get(approval.getId()).get("waitingFor"))).as("the administrators but the reviewer")
                .contains("ada").doesNotContain("sam", "bob");
        assertThat(bobs.get(issued.getId()).get("state").asText()).isEqualTo("ISSUED");
        assertThat(bobs.get(issued.getId()).get("reason").isNull()).isTrue();

        assertThat(byId(get("/api/requests", "sam"))).as("a reviewer with no request of their own")
                .doesNotContainKeys(ids(testing, changes, rejected, inReview, issued, approval, sponsor));
        Map<String, JsonNode> erins = byId(get("/api/requests", "erin"));
        assertThat(erins.get(sponsor.getId()).get("state").asText()).isEqualTo("WAITING_FOR_SPONSOR");
        assertThat(texts(erins.get(sponsor.getId()).get("waitingFor"))).containsExactly("pat");

        Map<String, JsonNode> everyones = byId(get("/api/requests", "ada"));
        assertThat(everyones).containsKeys(ids(testing, changes, rejected, inReview, issued, approval, sponsor));
    }

    @Test
    void theStateFilterNarrowsTheListAndAnUnknownStateIsRefusedWith400() {
        ProcessInstance testing = people.requestUntilQaToken("alice");
        ProcessInstance inReview = people.requestUntilQaToken("alice");
        testedInQa("alice", inReview);

        HttpResponse<String> qa = session().getWithBasic("/api/requests?state=QA_TESTING", "alice", "demo");
        assertThat(qa.statusCode()).as(qa.body()).isEqualTo(200);
        Map<String, JsonNode> inQa = byId(EngineRest.json(qa));
        assertThat(inQa).containsKey(testing.getId()).doesNotContainKey(inReview.getId());
        assertThat(inQa.values()).allSatisfy(request -> assertThat(request.get("state").asText()).isEqualTo("QA_TESTING"));
        assertThat(byId(get("/api/requests?state=IN_REVIEW", "alice"))).containsKey(inReview.getId())
                .doesNotContainKey(testing.getId());
        assertThat(byId(get("/api/requests?state=IN_REVIEW", "ada"))).containsKey(inReview.getId());
        assertThat(byId(get("/api/requests?state=IN_REVIEW", "bob"))).doesNotContainKey(inReview.getId());

        for (String bad : new String[] {"BOGUS", "", "qa testing"}) {
            HttpResponse<String> refused = session().getWithBasic("/api/requests?state=" + bad.replace(" ", "%20"), "alice", "demo");
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(EngineRest.json(refused).get("error").asText()).startsWith("state must be one of SUBMITTED, WAITING_FOR_SPONSOR")
                    .contains("WAITING_FOR_PI");
        }
        HttpResponse<String> anonymous = WebappSession.anonymous(app).get("/api/requests");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain(testing.getId());
        assertThat(session().getWithBasic("/api/requests", "alice", "not-her-password").statusCode()).isEqualTo(401);
    }

    @Test
    void aCallerCannotSendARequestNumberAndTheRequestCarriesTheOneTheRegistryGave() {
        Map<String, Object> variables = new HashMap<>(Map.of("productionProjectId", 101L, "qaProjectId", 201L,
                "rightExport", true, "rightImport", false, "rightMobileApp", false, "fairUseAccepted", true,
                "intendedUse", "SCHEDULED_EXPORT", "usageDescription", "Nightly export of new visits, filtered by date.",
                "callSchedule", "Nightly at 02:00", "expectedCallsPerDay", 10L));
        variables.put("requestNumber", "REQ-1999-0001");
        long before = requests.ofRequester("alice").size();
        identity.setAuthentication("alice", List.of("api-requesters"));
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("TokenRequestProcess", variables))
                    .hasMessageContaining("The form has no field 'requestNumber'");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(requests.ofRequester("alice")).hasSize((int) before);

        ProcessInstance request = people.requestUntilQaToken("alice");
        String filed = requests.find(request.getId()).orElseThrow().number();
        assertThat(runtime.getVariable(request.getId(), "requestNumber")).isEqualTo(filed);
        assertThat(byId(get("/api/requests", "alice")).get(request.getId()).get("number").asText()).isEqualTo(filed);
        assertThatThrownBy(() -> jdbc.update("update token_request set request_number = 'REQ-1999-0001' where id = ?",
                request.getId())).as("a number once given never changes").hasMessageContaining("frozen");
    }

    @Test
    void thePageShowsTheSignedInPersonsRequestsInWordsAndNobodyElses() {
        ProcessInstance testing = people.requestUntilQaToken("alice");
        ProcessInstance rejected = people.requestUntilQaToken("alice");
        testedInQa("alice", rejected);
        review(rejected, "REJECTED", "Pages through <b>every</b> record.");
        ProcessInstance bobs = people.requestUntilQaToken("bob");
        String number = requests.find(testing.getId()).orElseThrow().number();

        HttpResponse<String> page = WebappSession.loggedIn(app, "alice").get("/requests");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        String row = row(page.body(), testing.getId());
        assertThat(row).contains(number).contains("Testing in QA").contains("<td>alice</td>").contains("UTC")
                .doesNotContain("QA_TESTING</");
        assertThat(row(page.body(), rejected.getId())).contains("Rejected")
                .contains("Code review: Pages through &lt;b&gt;every&lt;/b&gt; record.");
        assertThat(page.body()).contains("your requests").doesNotContain(bobs.getId())
                .doesNotContain(requests.find(bobs.getId()).orElseThrow().number());
        assertThat(WebappSession.loggedIn(app, "ada").get("/requests").body()).contains(testing.getId()).contains(bobs.getId());
        assertThat(WebappSession.anonymous(app).get("/requests").statusCode()).isEqualTo(302);
    }

    @Test
    void theListComesAPageAtATimeNewestFirstWithTheTotalAndLinksToTheNextAndPreviousPages() {
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            closed.add(rejectedInTheRegistry("alice"));
        }
        String bobs = rejectedInTheRegistry("bob");
        ProcessInstance firstInQa = people.requestUntilQaToken("alice");
        ProcessInstance secondInQa = people.requestUntilQaToken("alice");
        Set<String> alices = idsOf("alice");

        HttpResponse<String> first = session().getWithBasic("/api/requests?size=2", "alice", "demo");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(alices.size()));
        assertThat(ids(EngineRest.json(first))).as("newest first").containsExactly(secondInQa.getId(), firstInQa.getId());
        assertThat(link(first, "prev")).isNull();
        assertThat(link(first, "next")).isEqualTo("/api/requests?page=1&size=2");
        List<String> walked = new ArrayList<>();
        String next = "/api/requests?size=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = session().getWithBasic(next, "alice", "demo");
            walked.addAll(ids(EngineRest.json(page)));
            assertThat(link(page, "prev")).as(next).isEqualTo(pages == 0 ? null : "/api/requests?page=" + (pages - 1) + "&size=2");
            next = link(page, "next");
            pages++;
        }
        assertThat(walked).as("every one of alice's requests once, hers only").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(alices).doesNotContain(bobs);
        assertThat(pages).isEqualTo((alices.size() + 1) / 2);
        assertThat(ids(get("/api/requests?size=500&page=0", "bob"))).contains(bobs).doesNotContainAnyElementsOf(alices);
        assertThat(ids(get("/api/requests?size=500&page=1000000", "alice"))).isEmpty();

        HttpResponse<String> rejected = session().getWithBasic("/api/requests?state=REJECTED&size=1&page=1", "alice", "demo");
        long alicesRejected = requests.ofRequester("alice").stream().filter(request -> request.status().name().equals("REJECTED")).count();
        assertThat(rejected.headers().firstValue("X-Total-Count")).hasValue(Long.toString(alicesRejected));
        assertThat(link(rejected, "prev")).isEqualTo("/api/requests?state=REJECTED&page=0&size=1");
        assertThat(EngineRest.json(rejected)).hasSize(1).allSatisfy(request -> {
            assertThat(request.get("state").asText()).isEqualTo("REJECTED");
            assertThat(request.get("requester").asText()).isEqualTo("alice");
        });
        List<String> inQa = new ArrayList<>();
        for (String path = "/api/requests?state=QA_TESTING&size=1"; path != null; ) {
            HttpResponse<String> page = session().getWithBasic(path, "alice", "demo");
            assertThat(EngineRest.json(page)).hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(request -> assertThat(request.get("state").asText()).isEqualTo("QA_TESTING"));
            inQa.addAll(ids(EngineRest.json(page)));
            assertThat(page.headers().firstValue("X-Total-Count").map(Integer::parseInt)).hasValueSatisfying(total ->
                    assertThat(total).isGreaterThanOrEqualTo(2));
            path = link(page, "next");
        }
        assertThat(inQa).doesNotHaveDuplicates().contains(firstInQa.getId(), secondInQa.getId()).doesNotContainAnyElementsOf(closed);
        assertThat(ids(get("/api/requests?state=QA_TESTING&size=500", "bob"))).doesNotContain(firstInQa.getId(), secondInQa.getId());
        assertThat(ids(get("/api/requests?state=QA_TESTING&size=500", "ada"))).contains(firstInQa.getId(), secondInQa.getId());

        for (String bad : List.of("page=-1", "page=two", "size=0", "size=501", "size=1e3", "page=99999999999")) {
            HttpResponse<String> refused = session().getWithBasic("/api/requests?" + bad, "alice", "demo");
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(EngineRest.json(refused).get("error").asText()).as(bad).containsPattern("^(page|size) must be a whole number from \\d+ to \\d+");
        }
    }

    @Test
    void thePageShowsFiftyRequestsAtATimeWithLinksToOlderAndNewerOnes() {
        while (idsOf("eve").size() < 51) {
            rejectedInTheRegistry("eve");
        }
        WebappSession eve = WebappSession.loggedIn(app, "eve");

        HttpResponse<String> first = eve.get("/requests");
        HttpResponse<String> second = eve.get("/requests?page=1");

        assertThat(first.body().split("data-request=", -1)).hasSize(51);
        assertThat(first.body()).contains("id=\"next-page\" href=\"/requests?page=1\"").doesNotContain("previous-page");
        assertThat(second.body()).contains("id=\"previous-page\" href=\"/requests?page=0\"");
        assertThat(second.body().split("data-request=", -1).length - 1).isEqualTo(idsOf("eve").size() - 50);
        HttpResponse<String> bad = eve.get("/requests?page=last");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("page must be a whole number from 0 to");
    }

    /** A request filed and ended in the registry alone: history, without an instance. */
    private String rejectedInTheRegistry(String requester) {
        String id = "closed-" + java.util.UUID.randomUUID();
        requests.register(new org.tokengov.registry.NewTokenRequest(id, requester, 101, 201, true, false, false,
                "SCHEDULED_EXPORT", "Nightly export of new visits.", "Nightly", 10, true));
        requests.changeStatus(id, org.tokengov.registry.RequestStatus.REJECTED, "Code review: no.");
        return id;
    }

    /** The link of that relation in the RFC 8288 Link header, as a path on the app; null without one. */
    private String link(HttpResponse<String> response, String relation) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<([^>]+)>; rel=\"" + relation + "\"")
                .matcher(response.headers().firstValue("Link").orElse(""));
        return link.find() ? link.group(1).substring(app.length()) : null;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(request -> ids.add(request.get("id").asText()));
        return ids;
    }

    /** Every request the registry files under the requester, this test's and others'. */
    private Set<String> idsOf(String requester) {
        return requests.ofRequester(requester).stream().map(TokenRequestRecord::id).collect(Collectors.toSet());
    }

    private static String[] ids(ProcessInstance... instances) {
        return Arrays.stream(instances).map(ProcessInstance::getId).toArray(String[]::new);
    }

    private JsonNode get(String path, String user) {
        HttpResponse<String> response = session().getWithBasic(path, user, "demo");
        assertThat(response.statusCode()).as(path + " as " + user + ": " + response.body()).isEqualTo(200);
        return EngineRest.json(response);
    }

    private WebappSession session() {
        return WebappSession.anonymous(app);
    }

    private static Map<String, JsonNode> byId(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false)
                .collect(Collectors.toMap(request -> request.get("id").asText(), request -> request));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private void testedInQa(String requester, ProcessInstance request) {
        people.complete(requester, List.of("api-requesters"), task(request), Map.of(
                "codeRepositoryUrl", "https://git.example.org/lab/sync", "codeCommit", "9c1e2d7",
                "testSummary", "Ran the export nightly in QA for a week with a date filter."));
        Jobs.runDue(management);
    }

    private static Map<String, Object> withChecklistTicked(Map<String, Object> review) {
        Map<String, Object> all = new java.util.HashMap<>(review);
        all.putAll(CodeReviews.CHECKLIST_TICKED);
        return all;
    }

    private void review(ProcessInstance request, String outcome, String comments) {
        people.complete("sam", List.of("api-specialists"), task(request),
                withChecklistTicked(Map.of("codeReviewOutcome", outcome, "codeReviewComments", comments)));
        Jobs.runDue(management);
    }

    private Task task(ProcessInstance request) {
        return tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
    }

    private static String row(String page, String requestId) {
        int start = page.indexOf("data-request=\"" + requestId + "\"");
        assertThat(start).as("a row for " + requestId).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
