package org.tokengov.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.audit.AuditTrail;
import org.tokengov.issuance.IssuanceRefusals;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.ledger.TokenCase;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.InMemoryLedger;
import org.tokengov.testsupport.RecordingDelegate;
import org.tokengov.testsupport.TestPeople;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyesViolationException;

/**
 * Every path of FoundTokenProcess: the administrator's decision (adopt, revoke, refused people), adoption of an
 * existing token, immediate revocation, a service account's cutover timer, a refused adoption, and a revocation from
 * elsewhere while the decision waits.
 */
@Deployment(resources = {"bpmn/FoundTokenProcess.bpmn", "forms/found-token-decision.form"})
class FoundTokenProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final String TOKEN = "found-1";

    String verdict = "DECIDE";
    String reason;
    Date cutoverAt;
    RecordingDelegate check = new RecordingDelegate(execution -> {
        execution.setVariable(FoundTokenVariables.VERDICT, verdict);
        if (reason != null) {
            execution.setVariable(FoundTokenVariables.REVOCATION_REASON, reason);
        }
        if (cutoverAt != null) {
            execution.setVariable(FoundTokenVariables.CUTOVER_AT, cutoverAt);
        }
    });
    boolean refuseAdoption;
    RecordingDelegate adopt = new RecordingDelegate(execution -> {
        if (refuseAdoption) {
            throw new BpmnError(IssuanceRefusals.ERROR_CODE, "no REDCap administrator decided to adopt the token");
        }
    });
    RecordingDelegate review = new RecordingDelegate();
    RecordingDelegate revoke = new RecordingDelegate();
    RecordingDelegate notice = new RecordingDelegate();
    InMemoryLedger ledger = new InMemoryLedger();
    FoundTokens foundTokens = mock(FoundTokens.class);

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        TestPeople.create(identityService());
        IssuedToken token = new IssuedToken(TOKEN, null, "bob", RedcapEnvironment.PROD, 101, true, false, false,
                TokenState.FOUND, NOW, NOW.plus(90, ChronoUnit.DAYS), null, "ab".repeat(32), null, null, 1L);
        ledger.knowToken(token);
        // ada made the token in the Control Center: she may not decide on it.
        ledger.add(CaseRef.token(TOKEN), LedgerKind.FOUND, TokenCase.UNKNOWN, AuditTrail.SYSTEM_ACTOR, "ada", "found");
        when(foundTokens.caseOf(anyString())).thenAnswer(call -> ledger.cases.token(call.getArgument(0)).orElseThrow());
        Mocks.register("checkFoundTokenHolderDelegate", check);
        Mocks.register("decideOnFoundTokenListener", new DecideOnFoundTokenListener(new FourEyes(mock(AuditTrail.class)),
                TestPeople.candidates(identityService(), managementService()), foundTokens, ledger.ledger, mock(AuditTrail.class)));
        Mocks.register("adoptFoundTokenDelegate", adopt);
        Mocks.register("startReviewAfterTheFactDelegate", review);
        Mocks.register("revokeFoundTokenDelegate", revoke);
        Mocks.register("noticeServiceAccountCutoverDelegate", notice);
    }

    @AfterEach
    void reset() {
        identityService().clearAuthentication();
        TestPeople.remove(identityService());
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance startAndCheck() {
        ProcessInstance found = runtimeService().startProcessInstanceByKey(FoundTokenVariables.PROCESS, TOKEN,
                Map.of(FoundTokenVariables.HOLDER, "bob", FoundTokenVariables.ENVIRONMENT, "PROD",
                        FoundTokenVariables.PROJECT_ID, 101L));
        assertThat(found).isWaitingAt("Task_CheckFoundTokenHolder");
        runJob(found, "Task_CheckFoundTokenHolder");
        return found;
    }

    void runJob(ProcessInstance found, String activityId) {
        Job job = managementService().createJobQuery().processInstanceId(found.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        managementService().executeJob(job.getId());
    }

    Task decision(ProcessInstance found) {
        runJob(found, "Task_DecideOnFoundToken");
        return taskService().createTaskQuery().processInstanceId(found.getId()).singleResult();
    }

    void completeAs(String admin, Task task, Map<String, Object> values) {
        identityService().setAuthentication(admin, List.of("redcap-admins"));
        try {
            taskService().complete(task.getId(), values);
        } finally {
            identityService().clearAuthentication();
        }
    }

    Set<String> offeredTo(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId)
                .filter(user -> user != null).collect(Collectors.toSet());
    }

    @Test
    void anAdministratorWhoDidNotMakeTheTokenAdoptsIt() {
        ProcessInstance found = startAndCheck();
        Task task = decision(found);

        assertThat(offeredTo(task)).containsExactly("rita");
        assertThat(taskService().getVariableLocal(task.getId(), DecideOnFoundTokenListener.MADE_IN_REDCAP_BY)).isEqualTo("ada");
        assertThat(taskService().getVariableLocal(task.getId(), DecideOnFoundTokenListener.TOKEN_RIGHTS)).isEqualTo("export");
        completeAs("rita", task, Map.of(FoundTokenVariables.DECISION, "ADOPT"));

        assertThat(found).isWaitingAt("Task_AdoptFoundToken");
        runJob(found, "Task_AdoptFoundToken");
        assertThat(found).as("the review starts once the adoption is committed").isWaitingAt("Task_StartReviewAfterTheFact");
        runJob(found, "Task_StartReviewAfterTheFact");
        assertThat(found).isEnded().hasPassed("EndEvent_TokenAdopted");
        assertThat(adopt.calls()).hasSize(1);
        assertThat(review.calls()).hasSize(1);
        assertThat(revoke.calls()).isEmpty();
        LedgerEntry decided = ledger.entriesOf(CaseRef.token(TOKEN)).get(1);
        assertThat(decided.kind()).isEqualTo(LedgerKind.FOUND_TOKEN_DECISION);
        assertThat(decided.outcome()).isEqualTo("ADOPT");
        assertThat(decided.actor()).isEqualTo("rita");
    }

    @Test
    void theMakerOfTheTokenAndItsHolderMayNotDecide() {
        ProcessInstance found = startAndCheck();
        Task task = decision(found);

        assertThatThrownBy(() -> completeAs("ada", task, Map.of(FoundTokenVariables.DECISION, "ADOPT")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class).hasMessageContaining("they made the token in REDCap");
        identityService().setAuthentication("ada", List.of("redcap-admins"));
        try {
            assertThatThrownBy(() -> taskService().claim(task.getId(), "ada")).hasRootCauseInstanceOf(FourEyesViolationException.class);
            assertThatThrownBy(() -> taskService().claim(task.getId(), "bob")).hasRootCauseInstanceOf(FourEyesViolationException.class)
                    .hasMessageContaining("their own token");
        } finally {
            identityService().clearAuthentication();
        }
        assertThat(found).isWaitingAt("Task_DecideOnFoundToken");
        assertThat(ledger.entriesOf(CaseRef.token(TOKEN))).extracting(LedgerEntry::kind).containsExactly(LedgerKind.FOUND);
    }

    @Test
    void revokingNeedsAReasonAndRevokesAsNotAdopted() {
        ProcessInstance found = startAndCheck();
        Task task = decision(found);

        assertThatThrownBy(() -> completeAs("rita", task, Map.of(FoundTokenVariables.DECISION, "REVOKE")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("Comments is required");
        assertThatThrownBy(() -> completeAs("rita", task, Map.of(FoundTokenVariables.DECISION, "KEEP")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("Decision must be one of ADOPT, REVOKE");
        completeAs("rita", task, Map.of(FoundTokenVariables.DECISION, "REVOKE", FoundTokenVariables.COMMENTS,
                "Nobody asked for this token."));

        runJob(found, "Task_RevokeFoundToken");
        assertThat(found).isEnded().hasPassed("EndEvent_FoundTokenRevoked");
        assertThat(revoke.lastCall()).containsEntry(FoundTokenVariables.REVOCATION_REASON, "NOT_ADOPTED");
        assertThat(adopt.calls()).isEmpty();
    }

    @Test
    void anExistingTokenAtOnboardingIsAdoptedWithoutATask() {
        verdict = "ADOPT";
        ProcessInstance found = startAndCheck();

        assertThat(found).isWaitingAt("Task_AdoptFoundToken");
        assertThat(taskService().createTaskQuery().count()).isZero();
        runJob(found, "Task_AdoptFoundToken");
        runJob(found, "Task_StartReviewAfterTheFact");
        assertThat(found).isEnded().hasPassed("Task_AdoptFoundToken", "EndEvent_TokenAdopted").hasNotPassed("Task_DecideOnFoundToken");
    }

    @Test
    void aHolderWhoMayHoldNoTokenLosesItAtOnce() {
        verdict = "REVOKE_NOW";
        reason = "OFFBOARDING";
        ProcessInstance found = startAndCheck();

        runJob(found, "Task_RevokeFoundToken");
        assertThat(found).isEnded().hasPassed("Task_RevokeFoundToken", "EndEvent_FoundTokenRevoked").hasNotPassed("Task_DecideOnFoundToken");
        assertThat(revoke.lastCall()).containsEntry(FoundTokenVariables.REVOCATION_REASON, "OFFBOARDING");
        assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void aServiceAccountsTokenWorksUntilTheCutoverAfterNotice() {
        verdict = "REVOKE_AT_CUTOVER";
        reason = "SERVICE_ACCOUNT";
        cutoverAt = Date.from(NOW.plus(30, ChronoUnit.DAYS));
        ProcessInstance found = startAndCheck();

        runJob(found, "Task_NoticeServiceAccountCutover");
        assertThat(notice.calls()).hasSize(1);
        assertThat(found).isWaitingAt("Timer_ServiceAccountCutover");
        Job timer = managementService().createJobQuery().processInstanceId(found.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(cutoverAt);
        assertThat(revoke.calls()).isEmpty();

        ClockUtil.setCurrentTime(cutoverAt);
        managementService().executeJob(timer.getId());
        runJob(found, "Task_RevokeFoundToken");
        assertThat(found).isEnded().hasPassed("EndEvent_FoundTokenRevoked");
        assertThat(revoke.lastCall()).containsEntry(FoundTokenVariables.REVOCATION_REASON, "SERVICE_ACCOUNT");
    }

    @Test
    void aRefusedAdoptionEndsOnItsOwnPath() {
        verdict = "ADOPT";
        refuseAdoption = true;
        ProcessInstance found = startAndCheck();

        runJob(found, "Task_AdoptFoundToken");
        assertThat(found).isEnded().hasPassed("EndEvent_AdoptionRefused").hasNotPassed("EndEvent_TokenAdopted");
        assertThat(review.calls()).isEmpty();
    }

    @Test
    void aRevocationFromElsewhereEndsTheWaitingDecision() {
        ProcessInstance found = startAndCheck();
        decision(found);

        runtimeService().createMessageCorrelation(FoundTokenVariables.MSG_REVOKE_TOKEN).processInstanceBusinessKey(TOKEN)
                .setVariable(FoundTokenVariables.REVOCATION_REASON, "OFFBOARDING").correlate();
        assertThat(taskService().createTaskQuery().count()).isZero();
        runJob(found, "Task_RevokeFoundTokenOnRequest");
        assertThat(found).isEnded().hasPassed("EndEvent_RevokedOnRequest");
        assertThat(revoke.lastCall()).containsEntry(FoundTokenVariables.REVOCATION_REASON, "OFFBOARDING");
    }
}
