package org.tokengov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The QA use gate on the real servers, as shipped (on): 'Develop and test in QA' completes only once the REDCap
 * simulator's log (MariaDB, database mode) holds an API call made with the requester's QA token, read at the moment of
 * completion; the code review then shows that call next to the declared schedule. No variable a caller sends, through
 * Tasklist's API or Camunda's REST API, opens the gate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = QaUseGateIT.QaUseRequired.class)
@ExtendWith(OutputCaptureExtension.class)
class QaUseGateIT {

    static class QaUseRequired extends RealServers {
        @Override
        protected boolean requireQaUse() {
            return true;
        }
    }

    static final Map<String, Object> QA_RESULTS = Map.of("codeRepositoryUrl", "https://git.example.org/lab/sync",
            "codeCommit", "9c1e2d7", "testSummary", "Ran the export nightly in QA for a week with a date filter.");
    static final String NOT_YET = "REDCap has no API call with your QA token yet. Test your code against the QA project "
            + "(201) before submitting it for review.";

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
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

    @Test
    void theQaTestCompletesOnlyAfterARealCallWithTheQaTokenAndTheReviewShowsIt(CapturedOutput output) {
        ProcessInstance request = driver.requestUntilQaToken("alice");
        Task qaTest = driver.waitingTask(request);
        assertThat(qaTest.getTaskDefinitionKey()).isEqualTo("Task_DevelopAndTestInQa");

        assertThatThrownBy(() -> driver.complete("alice", List.of("api-requesters"), qaTest, QA_RESULTS))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining(NOT_YET);

        // Attack: Camunda's REST API as the requester, with variables claiming the test happened.
        HttpResponse<String> claimed = rest.post("/task/" + qaTest.getId() + "/complete", "alice", "demo",
                """
                {"variables": {
                  "codeRepositoryUrl": {"value": "https://git.example.org/lab/sync", "type": "String"},
                  "codeCommit": {"value": "9c1e2d7", "type": "String"},
                  "testSummary": {"value": "Ran the export nightly in QA for a week with a date filter.", "type": "String"},
                  "qaUsed": {"value": true, "type": "Boolean"},
                  "qaTokenUse": {"value": "QA token on project 201: 40 API calls", "type": "String"}
                }}""");
        assertThat(claimed.statusCode()).isEqualTo(400);
        assertThat(claimed.body()).contains("The form has no field");
        // ...and the claims as process variables, set where no form filter looks: the gate reads REDCap's log, not them.
        runtime.setVariables(request.getId(), Map.of("qaUsed", true, "qaTokenUse", "QA token on project 201: 40 API calls"));
        assertThatThrownBy(() -> driver.complete("alice", List.of("api-requesters"), qaTest, QA_RESULTS))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining(NOT_YET);
        HttpResponse<String> refused = rest.post("/task/" + qaTest.getId() + "/complete", "alice", "demo",
                EngineRest.qaResults());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(NOT_YET);
        assertThat(driver.waitingTask(request).getTaskDefinitionKey()).isEqualTo("Task_DevelopAndTestInQa");
        assertThat(ledger.entries(CaseRef.request(request.getId()))).noneMatch(entry -> entry.kind() == LedgerKind.QA_TESTED);

        // One real API call with the QA token, through the simulator's HTTP API: REDCap logs it in project 201's log.
        String qaToken = simulator.tokenOf("qa", "alice", 201);
        assertThat(simulator.versionStatus("qa", qaToken)).as("REDCap answers the QA token").isEqualTo(200);

        HttpResponse<String> completed = rest.post("/task/" + qaTest.getId() + "/complete", "alice", "demo",
                EngineRest.qaResults());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(ledger.entries(CaseRef.request(request.getId()))).filteredOn(entry -> entry.kind() == LedgerKind.QA_TESTED)
                .extracting(entry -> entry.actor()).containsExactly("alice");

        Jobs.runDue(management);
        Task review = driver.waitingTask(request);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewCode");
        Map<String, Object> shown = tasks.getVariablesLocal(review.getId());
        assertThat((String) shown.get("qaTokenUse")).startsWith("QA token on project 201: 1 API call")
                .contains("Busiest minute: 1 call at");
        assertThat(shown).containsEntry("callSchedule", "Nightly at 02:00").containsEntry("expectedCallsPerDay", 10L);

        assertThat(output.getAll()).doesNotContain(qaToken);
    }
}
