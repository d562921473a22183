package org.tokengov.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The PI's consent on the real servers, with the gate on as shipped: the seeded REDCap projects enable no API rights
 * (REDCap's default), so a request waits for the project's PI until they enable the rights on REDCap's User Rights page
 * or answer in Tasklist, and only they can answer, whoever calls Camunda's REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = PiConsentIT.ConsentRequired.class)
class PiConsentIT {

    static class ConsentRequired extends RealServers {
        @Override
        protected boolean requirePiConsent() {
            return true;
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRequests requests;
    @Autowired Ledger ledger;

    PipelineDriver driver;
    SimulatorHttp simulator;
    EngineRest rest;

    @BeforeEach
    void clients() {
        RealServers.serveHttpFrom(context);
        driver = new PipelineDriver(runtime, tasks, identity, management);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        rest = new EngineRest(RealServers.baseUrl(context));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Task waitingForThePi(String requester) {
        ProcessInstance request = driver.submitRequest(requester);
        Jobs.runDue(management);
        Task consent = driver.waitingTask(request);
        assertThat(consent.getTaskDefinitionKey()).isEqualTo("Task_ApproveAsPi");
        return consent;
    }

    List<String> consentGates(String requestId) {
        return ledger.entries(CaseRef.request(requestId)).stream().filter(entry -> entry.kind() == LedgerKind.PI_CONSENT)
                .map(entry -> entry.actor() + ":" + entry.outcome()).toList();
    }

    @Test
    void aRequestWaitsForThePiUntilTheyEnableApiExportInRedcapThenItGoesOn() {
        Task consent = waitingForThePi("alice");
        String requestId = consent.getProcessInstanceId();

        assertThat(tasks.getIdentityLinksForTask(consent.getId())).extracting(IdentityLink::getUserId).containsExactly("pat");
        assertThat(tasks.getVariableLocal(consent.getId(), "piConsentMissing")).isEqualTo(
                "The PI of project 101 has not enabled API export for you.\n"
                        + "The PI of QA project 201 has not enabled API export for you.");
        assertThat(simulator.tokenOf("qa", "alice", 201)).isNull();
        assertThat(consentGates(requestId)).isEmpty();

        assertThat(simulator.userRights("prod", "alice", 101, Map.of("api_export", "1", "by", "pat")).statusCode()).isEqualTo(200);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(61))));
        Jobs.runDue(management);
        assertThat(tasks.createTaskQuery().processInstanceId(requestId).singleResult().getTaskDefinitionKey())
                .as("QA's User Rights still lack API export").isEqualTo("Task_ApproveAsPi");

        assertThat(simulator.userRights("qa", "alice", 201, Map.of("api_export", "1", "by", "pat")).statusCode()).isEqualTo(200);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(61))));
        Jobs.runDue(management);

        assertThat(tasks.createTaskQuery().processInstanceId(requestId).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_DevelopAndTestInQa");
        assertThat(simulator.tokenOf("qa", "alice", 201)).matches("[0-9A-F]{32}");
        assertThat(consentGates(requestId)).containsExactly("system:ENABLED_IN_REDCAP");
    }

    @Test
    void onlyThePiAnswersAndTheirRefusalReachesTheRequesterInPlainWords() {
        Task consent = waitingForThePi("bob");
        String complete = "/task/" + consent.getId() + "/complete";
        String approve = "{\"variables\": {\"piDecision\": {\"value\": \"APPROVED\", \"type\": \"String\"}, "
                + "\"piApprovedExport\": {\"value\": true, \"type\": \"Boolean\"}}}";

        for (String notThePi : List.of("bob", "alice", "ada")) {
            HttpResponse<String> refused = rest.post(complete, notThePi, "demo", approve);
            assertThat(refused.statusCode()).as(notThePi).isBetween(400, 499);
        }
        HttpResponse<String> claimed = rest.post("/task/" + consent.getId() + "/claim", "bob", "demo", "{\"userId\": \"bob\"}");
        assertThat(claimed.statusCode()).isBetween(400, 499);
        assertThat(consentGates(consent.getProcessInstanceId())).isEmpty();

        HttpResponse<String> refusal = rest.post(complete, "pat", "demo", EngineRest.variables(
                "piDecision", "String", "REFUSED", "piComments", "String", "bob is not on this study's delegation log."));
        assertThat(refusal.statusCode()).as(refusal.body()).isEqualTo(204);
        Jobs.runDue(management);

        assertThat(requests.find(consent.getProcessInstanceId())).hasValueSatisfying(request -> {
            assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
            assertThat(request.outcomeReason()).isEqualTo("The PI of project 101 did not consent to API access for you: "
                    + "bob is not on this study's delegation log.");
        });
        assertThat(consentGates(consent.getProcessInstanceId())).containsExactly("pat:REFUSED");
        assertThat(simulator.tokenOf("qa", "bob", 201)).isNull();
    }

    @Test
    void theRequesterFollowsTheRequestWaitingForThePiInTheRequestsApi() throws Exception {
        Task consent = waitingForThePi("rita");
        String basic = Base64.getEncoder().encodeToString("rita:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RealServers.baseUrl(context) + "/api/requests?state=WAITING_FOR_PI"))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode request = StreamSupport.stream(EngineRest.json(list).spliterator(), false)
                .filter(entry -> entry.get("id").asText().equals(consent.getProcessInstanceId())).findFirst().orElseThrow();
        assertThat(request.get("state").asText()).isEqualTo("WAITING_FOR_PI");
        assertThat(request.get("waitingFor").get(0).asText()).isEqualTo("pat");
        assertThat(request.get("deadline").asText()).as("the PI approval's deadline timer").isNotBlank();
        assertThat(consent.getName()).startsWith(request.get("number").asText() + ": Consent to API access of rita");
    }
}
