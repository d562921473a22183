package org.tokengov.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;

import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.audit.AuditTrail;
import org.tokengov.request.FourEyesTaskListener;
import org.tokengov.request.FourEyesViolationException;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.RecordingDelegate;

/** Both paths of TokenIssuanceProcess: database mode, and manual mode with its rights check loop. */
@Deployment(resources = "bpmn/TokenIssuanceProcess.bpmn")
class TokenIssuanceProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();


    boolean manual;
    String liveTokenId;
    boolean rightsMatch = true;
    RecordingDelegate writeToken = new RecordingDelegate(execution -> execution.setVariable("tokenFingerprint", "a".repeat(64)));
    RecordingDelegate verifyRights = new RecordingDelegate(execution -> {
        execution.setVariable("rightsVerified", rightsMatch);
        execution.setVariable("verificationProblem", rightsMatch ? null : "API import/update is on but should be off.");
        execution.setVariable("tokenCreatedConfirmed", false);
    });
    RecordingDelegate grantEntitlement = new RecordingDelegate();
    RecordingDelegate recordToken = new RecordingDelegate(execution -> execution.setVariable("tokenId", "token-1"));

    public class Modes {
        public boolean isManual(String environment) {
            return manual;
        }
    }

    @BeforeEach
    void registerBeans() {
        Mocks.register("tokenAdministrationModes", new Modes());
        Mocks.register("writeTokenToRedcapDelegate", writeToken);
        Mocks.register("verifyTokenRightsDelegate", verifyRights);
        Mocks.register("recordIssuedTokenDelegate", recordToken);
        Mocks.register("grantEntitlementDelegate", grantEntitlement);
        Mocks.register("enrolInLifecycleDelegate", new RecordingDelegate());
        Mocks.register("findLiveTokenDelegate", new RecordingDelegate(execution -> execution.setVariable("tokenId", liveTokenId)));
        Mocks.register("fourEyesTaskListener", new FourEyesTaskListener(mock(AuditTrail.class)));
        Mocks.register("confirmTokenCreatedListener", new ConfirmTokenCreatedListener());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance issue(String environment) {
        return runtimeService().startProcessInstanceByKey("TokenIssuanceProcess", "request-1", Map.of(
                "environment", environment, "projectId", 101L, "holder", "alice", "requestId", "request-1",
                "rightExport", true, "rightImport", false, "rightMobileApp", false));
    }

    @Test
    void databaseModeWritesTheTokenAndRecordsItsFingerprint() {
        ProcessInstance issuance = issue("PROD");

        assertThat(issuance).isWaitingAt("Task_WriteTokenToRedcap");
        execute(job(issuance));
        assertThat(issuance).isWaitingAt("Task_GrantEntitlement");
        execute(job(issuance));

        assertThat(grantEntitlement.lastCall()).containsEntry("holder", "alice").containsEntry("environment", "PROD");
        assertThat(issuance).isEnded().hasPassed("Task_RecordIssuedToken", "EndEvent_TokenIssued")
                .hasNotPassed("Task_CreateTokenInControlCenter");
        assertThat(recordToken.lastCall()).containsEntry("tokenFingerprint", "a".repeat(64));
    }

    @Test
    void aHolderWithALiveTokenOnTheProjectKeepsIt() {
        liveTokenId = "existing-token";
        ProcessInstance issuance = issue("QA");

        assertThat(issuance).isEnded().hasPassed("EndEvent_LiveTokenKept").hasNotPassed("Task_WriteTokenToRedcap",
                "Task_CreateTokenInControlCenter", "Task_RecordIssuedToken");
        assertThat(writeToken.calls()).isEmpty();
    }

    @Test
    void manualModeAsksAnAdminAndVerifiesTheRights() {
        manual = true;
        ProcessInstance issuance = issue("QA");

        assertThat(issuance).isWaitingAt("Task_CreateTokenInControlCenter");
        assertThat(task(issuance)).hasCandidateGroup("redcap-admins");
        assertThat(task(issuance).getName()).isEqualTo("Create the QA API token for alice on project 101");
        taskService().claim(task(issuance).getId(), "ada");
        taskService().complete(task(issuance).getId(), Map.of("tokenCreatedConfirmed", true));
        execute(job(issuance));
        execute(job(issuance));

        assertThat(issuance).isEnded().hasPassed("Task_VerifyTokenRights", "Task_RecordIssuedToken", "Task_GrantEntitlement")
                .hasNotPassed("Task_WriteTokenToRedcap");
        assertThat(recordToken.lastCall().get("tokenFingerprint")).isNull();
    }

    @Test
    void wrongRightsSendTheTaskBackWithWhatIsWrong() {
        manual = true;
        rightsMatch = false;
        ProcessInstance issuance = issue("PROD");
        taskService().claim(task(issuance).getId(), "ada");
        taskService().complete(task(issuance).getId(), Map.of("tokenCreatedConfirmed", true));
        execute(job(issuance));

        assertThat(issuance).isWaitingAt("Task_CreateTokenInControlCenter");
        assertThat(runtimeService().getVariable(issuance.getId(), "verificationProblem"))
                .isEqualTo("API import/update is on but should be off.");

        rightsMatch = true;
        taskService().claim(task(issuance).getId(), "ada");
        taskService().complete(task(issuance).getId(), Map.of("tokenCreatedConfirmed", true));
        execute(job(issuance));
        execute(job(issuance));
        assertThat(issuance).isEnded();
        assertThat(verifyRights.calls()).hasSize(2);
    }

    @Test
    void theAdminMustConfirmTheCreation() {
        manual = true;
        ProcessInstance issuance = issue("QA");
        taskService().claim(task(issuance).getId(), "ada");

        assertThatThrownBy(() -> taskService().complete(task(issuance).getId(), Map.of("tokenCreatedConfirmed", false)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Confirm that you created the token");
        assertThat(issuance).isWaitingAt("Task_CreateTokenInControlCenter");
    }

    @Test
    void theHolderCannotCreateTheirOwnToken() {
        manual = true;
        ProcessInstance issuance = issue("QA");

        assertThatThrownBy(() -> taskService().claim(task(issuance).getId(), "alice"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
    }
}
