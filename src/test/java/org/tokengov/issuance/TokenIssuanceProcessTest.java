package org.tokengov.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.HolderDeparture;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewTokenRequest;
import org.tokengov.registry.TokenHolders;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.InMemoryLedger;
import org.tokengov.testsupport.RecordingDelegate;
import org.tokengov.testsupport.TestPeople;
import org.tokengov.usertask.FourEyesViolationException;

/**
 * Every path of TokenIssuanceProcess, called as a token request calls it: the gates read from the ledger (refused
 * when one is missing, even at the moment of writing), database mode, and manual mode with its rights check loop.
 */
@Deployment(resources = "bpmn/TokenIssuanceProcess.bpmn")
class TokenIssuanceProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    /** Stands in for TokenRequestProcess: its call activity starts the issuance, like Task_IssueProductionToken. */
    static final BpmnModelInstance CALLER = Bpmn.createExecutableProcess("IssuanceCaller").startEvent()
            .callActivity("Task_Issue").camundaAsyncBefore().calledElement("TokenIssuanceProcess")
            .camundaIn("environment", "environment").camundaIn("projectId", "projectId").camundaIn("holder", "holder")
            .camundaIn("rightExport", "rightExport").camundaIn("rightImport", "rightImport")
            .camundaIn("rightMobileApp", "rightMobileApp")
            .endEvent("EndEvent_Issued")
            .moveToActivity("Task_Issue").boundaryEvent("Boundary_Refused").error("ISSUANCE_REFUSED")
            .endEvent("EndEvent_Refused")
            .done();

    InMemoryLedger ledger = new InMemoryLedger();
    AuditTrail audit = mock(AuditTrail.class);
    TokenAdministration administration = mock(TokenAdministration.class);
    TokenRegistry registry = mock(TokenRegistry.class);
    TokenHolders holders = mock(TokenHolders.class);
    static final HolderDeparture LEFT = new HolderDeparture("event-1", Instant.parse("2026-12-01T00:00:00Z"));
    static final String LEFT_GATE = "the holder left the organisation (offboarding event event-1, effective 2026-12-01T00:00:00Z)";
    boolean manual;
    String liveTokenId;
    boolean rightsMatch = true;
    RecordingDelegate verifyRights = new RecordingDelegate(execution -> {
        execution.setVariable("rightsVerified", rightsMatch);
        execution.setVariable("verificationProblem", rightsMatch ? null : "API import/update is on but should be off.");
        execution.setVariable("tokenCreatedConfirmed", false);
    });
    RecordingDelegate grantEntitlement = new RecordingDelegate();
    RecordingDelegate recordToken = new RecordingDelegate(execution -> execution.setVariable("tokenId", "token-1"));
    String callerDeployment;

    public class Modes {
        public boolean isManual(String environment) {
            return manual;
        }
    }

    @BeforeEach
    void registerBeans() {
        callerDeployment = repositoryService().createDeployment().addModelInstance("caller.bpmn", CALLER).deploy().getId();
        TestPeople.create(identityService());
        when(administration.create(any(), anyLong(), anyString(), any(), anyString()))
                .thenReturn(new TokenFingerprint("a".repeat(64)));
        Mocks.register("tokenAdministrationModes", new Modes());
        Mocks.register("checkIssuanceGatesDelegate", IssuanceBeans.checkIssuanceGates(ledger.cases, holders));
        Mocks.register("refuseIssuanceDelegate", IssuanceBeans.refuseIssuance(ledger.ledger, ledger.cases, audit,
                mock(Notifier.class)));
        Mocks.register("writeTokenToRedcapDelegate", IssuanceBeans.writeTokenToRedcap(ledger.cases, ledger.ledger,
                mock(org.tokengov.redcap.RedcapApi.class), administration, registry, holders));
        Mocks.register("verifyTokenRightsDelegate", verifyRights);
        Mocks.register("recordIssuedTokenDelegate", recordToken);
        Mocks.register("grantEntitlementDelegate", grantEntitlement);
        Mocks.register("enrolInLifecycleDelegate", new RecordingDelegate());
        Mocks.register("findLiveTokenDelegate", new RecordingDelegate(execution -> execution.setVariable("tokenId", liveTokenId)));
        Mocks.register("createTokenInControlCenterListener", IssuanceBeans.createTokenInControlCenter(ledger.cases, audit,
                TestPeople.candidates(identityService(), managementService())));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        identityService().clearAuthentication();
        TestPeople.remove(identityService());
        repositoryService().deleteDeployment(callerDeployment, true);
    }

    /** A request from alice for PROD 101 / QA 201 with export rights, as the ledger files it, and which gates it passed. */
    ProcessInstance callerWith(String environment, LedgerKind... passed) {
        ProcessInstance caller = runtimeService().startProcessInstanceByKey("IssuanceCaller", Map.of(
                "environment", environment, "projectId", 999L, "holder", "mallory",
                "rightExport", true, "rightImport", true, "rightMobileApp", true));
        ledger.submit(new NewTokenRequest(caller.getId(), "alice", 101L, 201L, true, false, false, "SCHEDULED_EXPORT",
                "Nightly export of new visits for the dashboard.", "Nightly", 10L, true));
        CaseRef request = CaseRef.request(caller.getId());
        for (LedgerKind gate : passed) {
            switch (gate) {
                case ELIGIBILITY -> ledger.add(request, gate, "ELIGIBLE", "system", null, null);
                case PI_CONSENT -> ledger.add(request, gate, "APPROVED", "pat", null, "export");
                case QA_TESTED -> ledger.add(request, gate, null, "alice", null, "{}");
                case CODE_REVIEW -> ledger.add(request, gate, "APPROVED", "sam", null, null);
                case RELEASE_DECISION -> ledger.add(request, gate, "APPROVED", "ada", null, null);
                default -> throw new IllegalArgumentException(gate.name());
            }
        }
        execute(job(caller));
        return caller;
    }

    ProcessInstance issue(String environment) {
        return "PROD".equals(environment)
                ? callerWith("PROD", LedgerKind.ELIGIBILITY, LedgerKind.PI_CONSENT, LedgerKind.QA_TESTED, LedgerKind.CODE_REVIEW,
                        LedgerKind.RELEASE_DECISION)
                : callerWith("QA", LedgerKind.ELIGIBILITY, LedgerKind.PI_CONSENT);
    }

    @Test
    void databaseModeWritesTheTokenTheLedgerFiledAndRecordsItsFingerprint() {
        ProcessInstance caller = issue("PROD");
        ProcessInstance issuance = calledProcessInstance(caller);

        assertThat(issuance).isWaitingAt("Task_WriteTokenToRedcap");
        execute(job(issuance));
        assertThat(issuance).isWaitingAt("Task_GrantEntitlement");
        execute(job(issuance));

        verify(administration).create(RedcapEnvironment.PROD, 101L, "alice", new TokenRights(true, false, false), "system");
        assertThat(grantEntitlement.lastCall()).containsEntry("holder", "alice").containsEntry("environment", "PROD")
                .containsEntry("requestId", caller.getId());
        assertThat(issuance).isEnded().hasPassed("Task_CheckIssuanceGates", "Task_RecordIssuedToken", "EndEvent_TokenIssued")
                .hasNotPassed("Task_CreateTokenInControlCenter", "Task_RefuseIssuance");
        assertThat(recordToken.lastCall()).containsEntry("tokenFingerprint", "a".repeat(64));
        assertThat(caller).isEnded().hasPassed("EndEvent_Issued");
    }

    @Test
    void aTokenAnEarlierAttemptWroteBeforeItsNodeDiedIsKeptAndRecordedNotWrittenTwice() {
        TokenFingerprint left = new TokenFingerprint("b".repeat(64));
        when(administration.tokenWrittenBy(RedcapEnvironment.PROD, 101L, "alice", "system")).thenReturn(Optional.of(left));
        when(registry.withFingerprint(left)).thenReturn(List.of());
        ProcessInstance issuance = calledProcessInstance(issue("PROD"));

        execute(job(issuance));

        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
        assertThat(recordToken.lastCall()).containsEntry("tokenFingerprint", "b".repeat(64));
        assertThat(issuance).isWaitingAt("Task_GrantEntitlement");
    }

    @Test
    void aTokenOfOursTheRegistryKnowsIsReplacedNotTakenOverByANewRequest() {
        TokenFingerprint known = new TokenFingerprint("b".repeat(64));
        when(administration.tokenWrittenBy(RedcapEnvironment.PROD, 101L, "alice", "system")).thenReturn(Optional.of(known));
        when(registry.withFingerprint(known)).thenReturn(List.of(mock(IssuedToken.class)));
        ProcessInstance issuance = calledProcessInstance(issue("PROD"));

        execute(job(issuance));

        verify(administration).create(RedcapEnvironment.PROD, 101L, "alice", new TokenRights(true, false, false), "system");
        assertThat(recordToken.lastCall()).containsEntry("tokenFingerprint", "a".repeat(64));
    }

    @Test
    void aQaTokenNeedsOnlyTheEligibilityOfASubmittedRequest() {
        ProcessInstance caller = issue("QA");
        execute(job(calledProcessInstance(caller)));

        verify(administration).create(RedcapEnvironment.QA, 201L, "alice", new TokenRights(true, false, false), "system");
    }

    @Test
    void eachMissingGateRefusesTheProductionTokenAndNothingIsWritten() {
        assertRefused(callerWith("PROD"), "the requester's eligibility was not confirmed");
        assertRefused(callerWith("PROD", LedgerKind.ELIGIBILITY),
                "the project's PI has not consented to API access for the requester");
        assertRefused(callerWith("PROD", LedgerKind.ELIGIBILITY, LedgerKind.PI_CONSENT),
                "the requester has not reported their QA test");
        assertRefused(callerWith("PROD", LedgerKind.ELIGIBILITY, LedgerKind.PI_CONSENT, LedgerKind.QA_TESTED),
                "no API specialist approved the code after its last QA test");
        assertRefused(callerWith("PROD", LedgerKind.ELIGIBILITY, LedgerKind.PI_CONSENT, LedgerKind.QA_TESTED, LedgerKind.CODE_REVIEW),
                "no REDCap administrator approved the release after the code review");
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
    }

    @Test
    void anIssuanceNoRequestCalledIsRefused() {
        ProcessInstance issuance = runtimeService().startProcessInstanceByKey("TokenIssuanceProcess", Map.of(
                "environment", "PROD", "projectId", 101L, "holder", "alice", "requestId", "forged",
                "rightExport", true, "rightImport", true, "rightMobileApp", false));

        assertThat(issuance).isEnded().hasPassed("Task_RefuseIssuance", "EndEvent_IssuanceRefused");
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
        verify(audit).record("system", org.tokengov.audit.AuditAction.ISSUANCE_REFUSED, null, null,
                "a PROD token: the issuance was not started by a token request");
    }

    @Test
    void aGateMissingAtTheMomentOfWritingRefusesToo() {
        ProcessInstance caller = callerWith("QA", LedgerKind.ELIGIBILITY, LedgerKind.PI_CONSENT);
        ProcessInstance issuance = calledProcessInstance(caller);
        ledger.add(CaseRef.request(caller.getId()), LedgerKind.ELIGIBILITY, "INELIGIBLE", "system", null, "banned meanwhile");
        execute(job(issuance));

        assertThat(issuance).isEnded().hasPassed("Boundary_WriteRefused", "Task_RefuseIssuance");
        assertThat(caller).isEnded().hasPassed("EndEvent_Refused");
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
    }

    @Test
    void aSecondTokenForTheSameRequestAndEnvironmentIsRefused() {
        ProcessInstance caller = callerWith("QA", LedgerKind.ELIGIBILITY, LedgerKind.PI_CONSENT);
        ledger.add(CaseRef.request(caller.getId()), LedgerKind.TOKEN_ISSUED, "QA", "system", "alice", "token-0");
        execute(job(calledProcessInstance(caller)));

        assertThat(caller).isEnded().hasPassed("EndEvent_Refused");
    }

    @Test
    void aHolderWithALiveTokenOnTheProjectKeepsIt() {
        liveTokenId = "existing-token";
        ProcessInstance caller = issue("QA");

        assertThat(caller).isEnded().hasPassed("EndEvent_Issued");
        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_LiveTokenKept").count()).isOne();
        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("Task_RecordIssuedToken").count()).isZero();
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
    }

    @Test
    void manualModeAsksAnAdminOtherThanTheRequesterAndVerifiesTheRights() {
        manual = true;
        ProcessInstance issuance = atManualTask(calledProcessInstance(issue("QA")));

        assertThat(issuance).isWaitingAt("Task_CreateTokenInControlCenter");
        assertThat(task(issuance)).hasCandidateUser("ada").hasCandidateUser("rita");
        assertThat(task(issuance).getName()).isEqualTo("Create the QA API token for alice on project 201");
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
        ProcessInstance issuance = atManualTask(calledProcessInstance(issue("PROD")));
        taskService().claim(task(issuance).getId(), "ada");
        taskService().complete(task(issuance).getId(), Map.of("tokenCreatedConfirmed", true));
        execute(job(issuance));

        assertThat(issuance).isWaitingAt("Task_CreateTokenInControlCenter");
        atManualTask(issuance);
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
        ProcessInstance issuance = atManualTask(calledProcessInstance(issue("QA")));
        taskService().claim(task(issuance).getId(), "ada");

        assertThatThrownBy(() -> taskService().complete(task(issuance).getId(), Map.of("tokenCreatedConfirmed", false)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Confirm that you created the token");
        assertThat(issuance).isWaitingAt("Task_CreateTokenInControlCenter");
    }

    @Test
    void theRequesterCannotCreateTheirOwnToken() {
        manual = true;
        ProcessInstance issuance = atManualTask(calledProcessInstance(issue("QA")));

        assertThatThrownBy(() -> taskService().claim(task(issuance).getId(), "alice"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("it concerns their own request");
    }

    @Test
    void aHolderWhoHasLeftIsRefusedAtTheCheckAndNothingIsWritten() {
        when(holders.lock("alice")).thenReturn(Optional.of(LEFT));

        assertRefused(issue("PROD"), LEFT_GATE);
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
    }

    @Test
    void aTerminationCommittedWhileTheWriteWaitedRefusesAtWritingAndNothingIsWritten() {
        when(holders.lock("alice")).thenReturn(Optional.empty(), Optional.of(LEFT));
        ProcessInstance caller = issue("PROD");
        ProcessInstance issuance = calledProcessInstance(caller);

        execute(job(issuance));

        assertThat(issuance).isEnded().hasPassed("Boundary_WriteRefused", "Task_RefuseIssuance", "EndEvent_IssuanceRefused")
                .hasNotPassed("Task_RecordIssuedToken");
        assertRefused(caller, LEFT_GATE);
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
        verify(administration, never()).delete(any(), anyLong(), anyString(), anyString());
    }

    @Test
    void aTokenAnEarlierAttemptLeftIsDeletedWhenTheHolderHasLeftSince() {
        TokenFingerprint left = new TokenFingerprint("b".repeat(64));
        when(administration.tokenWrittenBy(RedcapEnvironment.PROD, 101L, "alice", "system")).thenReturn(Optional.of(left));
        when(registry.withFingerprint(left)).thenReturn(List.of());
        when(holders.lock("alice")).thenReturn(Optional.empty(), Optional.of(LEFT));
        ProcessInstance caller = issue("PROD");

        execute(job(calledProcessInstance(caller)));

        verify(administration).delete(RedcapEnvironment.PROD, 101L, "alice", "system");
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
        assertRefused(caller, LEFT_GATE);
    }

    @Test
    void manualModeRefusesToRecordATokenForAHolderWhoLeftAndAsksTheAdminsToDeleteIt() {
        manual = true;
        RightsVerification verification = mock(RightsVerification.class);
        Mocks.register("verifyTokenRightsDelegate", new VerifyTokenRightsDelegate(new IssuanceGate(ledger.cases, holders),
                verification));
        when(holders.lock("alice")).thenReturn(Optional.empty(), Optional.of(LEFT));
        ProcessInstance caller = issue("QA");
        ProcessInstance issuance = atManualTask(calledProcessInstance(caller));
        taskService().claim(task(issuance).getId(), "ada");
        taskService().complete(task(issuance).getId(), Map.of("tokenCreatedConfirmed", true));

        execute(job(issuance));

        assertThat(issuance).isEnded().hasPassed("Boundary_VerifyRefused", "Task_RefuseIssuance", "EndEvent_IssuanceRefused")
                .hasNotPassed("Task_RecordIssuedToken");
        assertThat(caller).isEnded().hasPassed("EndEvent_Refused");
        assertThat(ledger.entriesOf(CaseRef.request(caller.getId()))).filteredOn(entry -> entry.kind() == LedgerKind.ISSUANCE_REFUSED)
                .extracting(LedgerEntry::details).containsExactly("a QA token: " + LEFT_GATE
                        + "; delete the QA token made in REDCap's Control Center for alice on project 201");
        verify(verification, never()).problem(any(), anyLong(), anyString(), any());
    }

    @Test
    void manualModeRecordsTheTokenOfAHolderWhoIsStillHere() {
        manual = true;
        RightsVerification verification = mock(RightsVerification.class);
        when(verification.problem(any(), anyLong(), anyString(), any())).thenReturn(Optional.empty());
        Mocks.register("verifyTokenRightsDelegate", new VerifyTokenRightsDelegate(new IssuanceGate(ledger.cases, holders),
                verification));
        ProcessInstance issuance = atManualTask(calledProcessInstance(issue("QA")));
        taskService().claim(task(issuance).getId(), "ada");
        taskService().complete(task(issuance).getId(), Map.of("tokenCreatedConfirmed", true));

        execute(job(issuance));

        assertThat(issuance).hasPassed("Task_RecordIssuedToken").hasNotPassed("Boundary_VerifyRefused");
        verify(holders, org.mockito.Mockito.times(2)).lock("alice");
    }

    /** The manual creation task is entered asynchronously (its offer reads the identity store): runs that job. */
    private static ProcessInstance atManualTask(ProcessInstance issuance) {
        execute(job("Task_CreateTokenInControlCenter", issuance));
        return issuance;
    }

    private void assertRefused(ProcessInstance caller, String gate) {
        assertThat(caller).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("EndEvent_Issued");
        assertThat(ledger.entriesOf(CaseRef.request(caller.getId()))).filteredOn(entry -> entry.kind() == LedgerKind.ISSUANCE_REFUSED)
                .extracting(LedgerEntry::details).containsExactly("a PROD token: " + gate);
    }
}
