package org.tokengov.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.Notifier;
import org.tokengov.policy.PolicyProperties;
import org.tokengov.issuance.IssuanceBeans;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;
import org.tokengov.usage.RecentUse;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.InMemoryLedger;
import org.tokengov.testsupport.RecordingDelegate;
import org.tokengov.testsupport.TestPeople;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyesViolationException;
import org.tokengov.usertask.TaskCandidates;

/** Every path of TokenLifecycleProcess: notice, reminders, renewal, expiry, revocation and compromise. */
@Deployment(resources = "bpmn/TokenLifecycleProcess.bpmn")
class TokenLifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant ISSUED = Instant.parse("2026-01-15T10:00:00Z");
    static final Instant EXPIRES = ISSUED.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
    static final PolicyProperties POLICY = new PolicyProperties(Period.ofYears(1), Duration.ofDays(30), Duration.ofDays(14),
            Duration.ofDays(3), Duration.ofDays(3), Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(90),
            Duration.ofDays(3), Duration.ofDays(14), Duration.ofDays(3), Duration.ofDays(14));

    RecordingDelegate notices = new RecordingDelegate();
    RecordingDelegate revocations = new RecordingDelegate();
    InMemoryLedger ledger = new InMemoryLedger();
    AuditTrail audit = mock(AuditTrail.class);
    TokenRevocation revocation = mock(TokenRevocation.class);
    Suspensions suspensionService = mock(Suspensions.class);
    RecordingDelegate withdrawals = new RecordingDelegate();

    RecordingDelegate extensions = new RecordingDelegate(execution -> execution.setVariable("expiresAt",
            Date.from(((Date) execution.getVariable("expiresAt")).toInstant().atZone(ZoneOffset.UTC).plusYears(1).toInstant())));
    boolean manual;
    boolean banReached;
    RecordingDelegate suspensions = new RecordingDelegate(execution -> {
        // As Suspensions.suspend: the suspension is a gate in the ledger.
        ledger.add(CaseRef.token("token-1"), LedgerKind.SUSPENDED, null, String.valueOf(execution.getVariable("reportedBy")),
                "alice", null);
        execution.setVariable("banHolder", banReached);
    });
    RecordingDelegate bans = new RecordingDelegate();

    public class Modes {
        public boolean isManual(String environment) {
            return manual;
        }
    }

    RecentUse recentUse = mock(RecentUse.class);
    LiveTokens liveTokens = mock(LiveTokens.class);

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(Date.from(ISSUED));
        TestPeople.create(identityService());
        ledger.knowToken(new IssuedToken("token-1", "request-1", "alice", RedcapEnvironment.PROD, 101L, true, false, false,
                TokenState.ACTIVE, ISSUED, EXPIRES, null, null, null, null, 0L));
        when(recentUse.of(any())).thenReturn(new RecentUse.Evidence("12 API calls in the last 90 days",
                "No fair-use finding in the last 90 days."));
        LifecycleTasks tasks = new LifecycleTasks(ledger.cases, ledger.ledger, audit, mock(Notifier.class), new FourEyes(audit),
                TestPeople.candidates(identityService(), managementService()));
        RestoreGates gates = new RestoreGates(ledger.cases, IssuanceBeans.refusals(ledger.ledger, audit, mock(Notifier.class)));
        Mocks.register("lifecycleTimes", new LifecycleTimes(POLICY));
        Mocks.register("sendRenewalNoticeDelegate", notices);
        Mocks.register("confirmRenewalListener", new ConfirmRenewalListener(tasks, mock(ApplicationEventPublisher.class),
                recentUse));
        Mocks.register("extendTokenDelegate", extensions);
        Mocks.register("revokeTokenDelegate", revocations);
        Mocks.register("regenerateTokenDelegate", new RegenerateTokenDelegate(gates, revocation));
        Mocks.register("withdrawApiRightsDelegate", withdrawals);
        Mocks.register("restoreApiRightsDelegate", new RestoreApiRightsDelegate(gates, revocation));
        Mocks.register("tokenAdministrationModes", new Modes());
        when(liveTokens.stillToRevoke("token-1")).thenReturn(true);
        Mocks.register("liveTokens", liveTokens);
        Mocks.register("suspendTokenDelegate", suspensions);
        Mocks.register("banHolderDelegate", bans);
        Mocks.register("reinstateTokenDelegate", new ReinstateTokenDelegate(gates, suspensionService));
        Mocks.register("retestFixInQaListener", new RetestFixInQaListener(tasks));
        Mocks.register("reviewFixListener", new ReviewFixListener(tasks));
        Mocks.register("approveReinstatementListener", new ApproveReinstatementListener(tasks, recentUse));
        Mocks.register("retestChangeInQaListener", new RetestChangeInQaListener(tasks));
        Mocks.register("reviewChangeListener", new ReviewChangeListener(tasks));
        Mocks.register("decideOnRejectedChangeListener", new DecideOnRejectedChangeListener(tasks));
        Mocks.register("regenerateInControlCenterListener", new RegenerateInControlCenterListener(tasks));
        Mocks.register("suspendAfterRejectedChangeDelegate",
                new SuspendAfterRejectedChangeDelegate(new TokenLifecycles(runtimeService(), identityService(),
                        audit, ledger.ledger)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
        TestPeople.remove(identityService());
    }

    /** As TokenLifecycles.reportCompromised: the report is a gate in the ledger, then the lifecycle hears of it. */
    void reportCompromised(String by) {
        ledger.add(CaseRef.token("token-1"), LedgerKind.COMPROMISE_REPORTED, null, by, null, null);
        runtimeService().createMessageCorrelation("Msg_TokenCompromised").processInstanceBusinessKey("token-1")
                .setVariable("reportedBy", by).correlate();
    }

    ProcessInstance startLifecycle() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("tokenId", "token-1");
        variables.put("holder", "alice");
        variables.put("environment", "PROD");
        variables.put("projectId", 101L);
        variables.put("requestId", "request-1");
        variables.put("expiresAt", Date.from(EXPIRES));
        return runtimeService().startProcessInstanceByKey("TokenLifecycleProcess", "token-1", variables);
    }

    /** Moves the engine's clock to the timer, checks it is due exactly then, and fires it. */
    void fire(ProcessInstance lifecycle, String timerId, Instant expectedDue) {
        Job timer = managementService().createJobQuery().processInstanceId(lifecycle.getId()).activityId(timerId).singleResult();
        assertThat(timer).as(timerId + " should be waiting").isNotNull();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(expectedDue));
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    ProcessInstance waitingForRenewal() {
        ProcessInstance lifecycle = startLifecycle();
        assertThat(lifecycle).isWaitingAt("Timer_RenewalNoticeDue");
        fire(lifecycle, "Timer_RenewalNoticeDue", EXPIRES.minus(Duration.ofDays(30)));
        execute(job(lifecycle));
        assertThat(lifecycle).isWaitingAt("Task_ConfirmRenewal").task().isAssignedTo("alice");
        return lifecycle;
    }

    @Test
    void theNoticeComesThirtyDaysBeforeExpiryAndNotEarlier() {
        ProcessInstance lifecycle = startLifecycle();

        ClockUtil.setCurrentTime(Date.from(EXPIRES.minus(Duration.ofDays(31))));
        assertThat(managementService().createJobQuery().processInstanceId(lifecycle.getId()).executable().count()).isZero();
        fire(lifecycle, "Timer_RenewalNoticeDue", EXPIRES.minus(Duration.ofDays(30)));
        execute(job(lifecycle));

        assertThat(notices.lastCall()).containsEntry("noticeKind", "NOTICE");
        assertThat(lifecycle).isWaitingAt("Task_ConfirmRenewal");
        assertShowsTheLastNinetyDays(task(lifecycle));
    }

    /** The token's last 90 days, from the app's tables (RecentUse), local to the task: no caller's variable shows. */
    void assertShowsTheLastNinetyDays(Task task) {
        assertThat(taskService().getVariablesLocal(task.getId()))
                .containsEntry("recentApiUse", "12 API calls in the last 90 days")
                .containsEntry("recentFairUseFindings", "No fair-use finding in the last 90 days.");
        verify(recentUse, atLeastOnce()).of(argThat(token -> "token-1".equals(token.id())));
    }

    @Test
    void confirmedRenewalExtendsTheTokenAndTheCycleStartsAgain() {
        ProcessInstance lifecycle = waitingForRenewal();

        taskService().complete(task(lifecycle).getId(), Map.of("stillNeeded", true, "usageUnchanged", true,
                "fairUseReattested", true));

        assertThat(extensions.calls()).hasSize(1);
        assertThat(lifecycle).isWaitingAt("Timer_RenewalNoticeDue");
        Job nextNotice = managementService().createJobQuery().processInstanceId(lifecycle.getId()).singleResult();
        assertThat(nextNotice.getDuedate()).isEqualTo(Date.from(EXPIRES.atZone(ZoneOffset.UTC).plusYears(1).toInstant()
                .minus(Duration.ofDays(30))));
        assertThat(revocations.calls()).isEmpty();
    }

    @Test
    void theHolderIsRemindedFourteenAndThreeDaysBeforeExpiry() {
        ProcessInstance lifecycle = waitingForRenewal();

        fire(lifecycle, "Timer_FirstRenewalReminder", EXPIRES.minus(Duration.ofDays(14)));
        fire(lifecycle, "Timer_LastRenewalReminder", EXPIRES.minus(Duration.ofDays(3)));

        assertThat(notices.calls()).extracting(call -> call.get("noticeKind")).containsExactly("NOTICE", "REMINDER", "REMINDER");
        assertThat(lifecycle).isWaitingAt("Task_ConfirmRenewal");
    }

    @Test
    void anUnconfirmedTokenExpiresAtItsExpiryDate() {
        ProcessInstance lifecycle = waitingForRenewal();
        assertThat(taskService().createTaskQuery().processInstanceId(lifecycle.getId()).singleResult().getDueDate())
                .as("the renewal is due when the token expires")
                .isEqualTo(managementService().createJobQuery().activityId("Timer_TokenExpires").singleResult().getDuedate());

        fire(lifecycle, "Timer_TokenExpires", EXPIRES);
        execute(job("Task_ExpireToken", lifecycle));

        assertThat(lifecycle).isEnded().hasPassed("Task_ExpireToken", "EndEvent_TokenExpired");
        assertThat(revocations.lastCall()).containsEntry("revocationReason", "EXPIRED");
    }

    @Test
    void aTokenNoLongerNeededIsRevokedAtOnce() {
        ProcessInstance lifecycle = waitingForRenewal();

        taskService().complete(task(lifecycle).getId(), Map.of("stillNeeded", false));
        execute(job(lifecycle));

        assertThat(lifecycle).isEnded().hasPassed("EndEvent_RevokedNoLongerNeeded");
        assertThat(revocations.lastCall()).containsEntry("revocationReason", "NO_LONGER_NEEDED");
    }

    @Test
    void keepingTheTokenNeedsTheAttestationAndChangedUsageNeedsComments() {
        ProcessInstance lifecycle = waitingForRenewal();

        assertThatThrownBy(() -> taskService().complete(task(lifecycle).getId(), Map.of("stillNeeded", true,
                "usageUnchanged", false, "fairUseReattested", false)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("renewed acceptance of the REDCap API Fair Use Policy")
                .hasMessageContaining("Describe how your use of the API has changed");
        assertThat(lifecycle).isWaitingAt("Task_ConfirmRenewal");
        assertThat(extensions.calls()).isEmpty();
    }

    @Test
    void aRevocationRequestEndsTheLifecycleWhateverItWasWaitingFor() {
        ProcessInstance lifecycle = waitingForRenewal();

        runtimeService().createMessageCorrelation("Msg_RevokeToken").processInstanceBusinessKey("token-1")
                .setVariable("revocationReason", "LEFT_PROJECT").correlate();
        execute(job(lifecycle));

        assertThat(lifecycle).isEnded().hasPassed("Task_RevokeOnRequest", "EndEvent_RevokedOnRequest")
                .hasNotPassed("Task_ExtendToken");
        assertThat(revocations.lastCall()).containsEntry("revocationReason", "LEFT_PROJECT");
        assertThat(managementService().createJobQuery().processInstanceId(lifecycle.getId()).count())
                .as("no timer of the cancelled renewal is left").isZero();
    }

    @Test
    void aCompromisedTokenIsRegeneratedAndTheLifecycleGoesOn() {
        ProcessInstance lifecycle = startLifecycle();

        reportCompromised("alice");
        execute(job("Task_RegenerateToken", lifecycle));

        verify(revocation).regenerate("token-1", "alice");
        assertThat(lifecycle).hasPassed("EndEvent_TokenRegenerated").isWaitingAt("Timer_RenewalNoticeDue");
    }

    @Test
    void aCompromiseMessageNobodyReportedRegeneratesNothing() {
        ProcessInstance lifecycle = startLifecycle();

        runtimeService().createMessageCorrelation("Msg_TokenCompromised").processInstanceBusinessKey("token-1")
                .setVariable("reportedBy", "alice").correlate();
        execute(job("Task_RegenerateToken", lifecycle));

        verify(revocation, never()).regenerate(any(), any());
        assertThat(lifecycle).hasPassed("EndEvent_RegenerationRefused").isWaitingAt("Timer_RenewalNoticeDue");
        assertThat(ledger.entriesOf(CaseRef.token("token-1"))).extracting(LedgerEntry::kind)
                .containsExactly(LedgerKind.ISSUANCE_REFUSED);
    }

    @Test
    void inManualModeTheRightsGoUntilAnAdministratorRegeneratesByHand() {
        manual = true;
        ProcessInstance lifecycle = startLifecycle();

        reportCompromised("ada");
        execute(job("Task_WithdrawRightsUntilRegenerated", lifecycle));
        assertThat(withdrawals.calls()).hasSize(1);
        assertThat(lifecycle).isWaitingAt("Task_RegenerateInControlCenter");
        fixTask(lifecycle, "Task_RegenerateInControlCenter");
        assertThat(task(lifecycle)).hasCandidateUser("ada").hasCandidateUser("rita");
        assertThatThrownBy(() -> taskService().claim(task(lifecycle).getId(), "alice"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);

        taskService().claim(task(lifecycle).getId(), "ada");
        taskService().complete(task(lifecycle).getId(), Map.of("tokenCreatedConfirmed", true));
        execute(job("Task_RestoreRights", lifecycle));

        verify(revocation).restoreRights("token-1", "ada");
        verify(revocation, never()).regenerate(any(), any());
        assertThat(lifecycle).hasPassed("EndEvent_RegeneratedByHand").isWaitingAt("Timer_RenewalNoticeDue");
    }

    ProcessInstance suspended(ProcessInstance lifecycle) {
        runtimeService().createMessageCorrelation("Msg_SuspendToken").processInstanceBusinessKey("token-1")
                .setVariable("suspensionReason", "Full exports every 5 seconds at noon").setVariable("reportedBy", "ada")
                .correlate();
        execute(job("Task_SuspendToken", lifecycle));
        return lifecycle;
    }

    /** The task waiting at {@code key}; reviews and decisions are entered asynchronously, so their job runs first. */
    Task fixTask(ProcessInstance lifecycle, String key) {
        managementService().createJobQuery().processInstanceId(lifecycle.getId()).activityId(key).list()
                .forEach(job -> execute(job));
        return taskService().createTaskQuery().processInstanceId(lifecycle.getId()).taskDefinitionKey(key).singleResult();
    }

    void completeAs(String user, Task task, Map<String, Object> variables) {
        identityService().setAuthenticatedUserId(user);
        try {
            taskService().complete(task.getId(), variables);
        } finally {
            identityService().clearAuthentication();
        }
    }

    void submitFix(ProcessInstance lifecycle) {
        completeAs("alice", fixTask(lifecycle, "Task_RetestFixInQa"), Map.of("codeRepositoryUrl", "https://git.example.org/fix",
                "codeCommit", "0badc0de", "testSummary", "Incremental export with dateRangeBegin, tested in QA for a week."));
    }

    @Test
    void aSuspendedTokenComesBackOnlyAfterReTestReviewAndApproval() {
        ProcessInstance lifecycle = suspended(startLifecycle());

        assertThat(fixTask(lifecycle, "Task_RetestFixInQa").getAssignee()).isEqualTo("alice");
        submitFix(lifecycle);
        Task review = fixTask(lifecycle, "Task_ReviewFix");
        assertThat(review).isNotNull();
        assertThatThrownBy(() -> taskService().claim(review.getId(), "alice"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        taskService().claim(review.getId(), "sam");
        completeAs("sam", review, Map.of("fixReviewOutcome", "APPROVED"));

        Task approval = fixTask(lifecycle, "Task_ApproveReinstatement");
        assertShowsTheLastNinetyDays(approval);
        assertThatThrownBy(() -> taskService().claim(approval.getId(), "sam"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        taskService().claim(approval.getId(), "ada");
        completeAs("ada", approval, Map.of("reinstatementDecision", "APPROVED"));
        execute(job("Task_ReinstateToken", lifecycle));

        verify(suspensionService).reinstate("token-1", "ada");
        assertThat(lifecycle).hasPassed("EndEvent_TokenReinstated").isWaitingAt("Timer_RenewalNoticeDue");
        assertThat(bans.calls()).isEmpty();
    }

    @Test
    void aReinstatementWithoutTheFixsGatesOnTheLedgerIsRefusedAndTheTokenStaysSuspended() {
        ProcessInstance lifecycle = suspended(startLifecycle());
        runtimeService().createProcessInstanceModification(lifecycle.getId())
                .cancelAllForActivity("Task_RetestFixInQa").startBeforeActivity("Task_ReinstateToken")
                .setVariable("reinstatedBy", "ada").execute();
        execute(job("Task_ReinstateToken", lifecycle));

        verify(suspensionService, never()).reinstate(any(), any());
        assertThat(lifecycle).hasPassed("EndEvent_ReinstatementRefused").hasNotPassed("EndEvent_TokenReinstated");
    }

    @Test
    void theHolderCannotTestAFixForSomeoneElse() {
        ProcessInstance lifecycle = suspended(startLifecycle());

        assertThatThrownBy(() -> completeAs("bob", fixTask(lifecycle, "Task_RetestFixInQa"), Map.of("codeRepositoryUrl",
                "https://git.example.org/fix", "codeCommit", "0badc0de", "testSummary", "Tested something else entirely.")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("only alice, who holds the token, works on it");
    }

    @Test
    void aFixWithChangesRequestedGoesBackToTheHolder() {
        ProcessInstance lifecycle = suspended(startLifecycle());
        submitFix(lifecycle);

        assertThatThrownBy(() -> completeAs("sam", fixTask(lifecycle, "Task_ReviewFix"), Map.of("fixReviewOutcome", "CHANGES_REQUESTED")))
                .hasMessageContaining("Comments is required");
        completeAs("sam", fixTask(lifecycle, "Task_ReviewFix"), Map.of("fixReviewOutcome", "CHANGES_REQUESTED",
                "fixReviewComments", "Still no date filter."));

        assertThat(fixTask(lifecycle, "Task_RetestFixInQa").getAssignee()).isEqualTo("alice");
    }

    @Test
    void aRejectedReinstatementRevokesTheTokenForMisuseAndEndsTheLifecycle() {
        ProcessInstance lifecycle = suspended(startLifecycle());
        submitFix(lifecycle);
        completeAs("sam", fixTask(lifecycle, "Task_ReviewFix"), Map.of("fixReviewOutcome", "APPROVED"));
        completeAs("ada", fixTask(lifecycle, "Task_ApproveReinstatement"), Map.of("reinstatementDecision", "REJECTED",
                "reinstatementComments", "Third incident this month."));
        execute(job("Task_RevokeForMisuse", lifecycle));

        assertThat(revocations.lastCall()).containsEntry("revocationReason", "MISUSE");
        assertThat(lifecycle).isEnded().hasPassed("EndEvent_RevokedForMisuse");
    }

    @Test
    void reachingTheBanCountBansTheHolderAndEndsTheLifecycle() {
        banReached = true;
        ProcessInstance lifecycle = suspended(startLifecycle());
        execute(job("Task_BanHolder", lifecycle));

        assertThat(bans.calls()).hasSize(1);
        assertThat(lifecycle).isEnded().hasPassed("EndEvent_HolderBanned").hasNotPassed("Task_RetestFixInQa");
    }

    @Test
    void aRevocationOfATokenNoLongerInRedcapEndsTheLifecycleAtOnceWithoutAJob() {
        ProcessInstance lifecycle = waitingForRenewal();
        when(liveTokens.stillToRevoke("token-1")).thenReturn(false);

        runtimeService().createMessageCorrelation("Msg_RevokeToken").processInstanceBusinessKey("token-1")
                .setVariable("revocationReason", "OFFBOARDING").correlate();

        assertThat(lifecycle).as("ended in the correlating transaction: an offboarding revoked it already").isEnded()
                .hasPassed("Gateway_StillToRevoke", "EndEvent_AlreadyRevoked").hasNotPassed("Task_RevokeOnRequest");
        assertThat(revocations.calls()).isEmpty();
        assertThat(managementService().createJobQuery().processInstanceId(lifecycle.getId()).count()).isZero();
    }

    @Test
    void aRevocationWhileSuspendedLeavesNoOpenTaskBehind() {
        ProcessInstance lifecycle = suspended(waitingForRenewal());
        assertThat(taskService().createTaskQuery().processInstanceId(lifecycle.getId()).count())
                .as("renewal and fix run side by side").isEqualTo(2);

        runtimeService().createMessageCorrelation("Msg_RevokeToken").processInstanceBusinessKey("token-1")
                .setVariable("revocationReason", "OFFBOARDING").correlate();
        execute(job("Task_RevokeOnRequest", lifecycle));

        assertThat(lifecycle).isEnded();
        assertThat(taskService().createTaskQuery().processInstanceId(lifecycle.getId()).count()).isZero();
        assertThat(revocations.calls()).extracting(call -> call.get("revocationReason")).containsExactly("OFFBOARDING");
    }

    @Test
    void aSuspendedTokenWhoseRenewalIsNotConfirmedExpiresAndTheFixStepGoes() {
        ProcessInstance lifecycle = suspended(waitingForRenewal());

        fire(lifecycle, "Timer_TokenExpires", EXPIRES);
        execute(job("Task_ExpireToken", lifecycle));

        assertThat(lifecycle).isEnded().hasPassed("EndEvent_TokenExpired");
        assertThat(taskService().createTaskQuery().processInstanceId(lifecycle.getId()).count()).isZero();
    }

    ProcessInstance codeChanged(ProcessInstance lifecycle) {
        runtimeService().createMessageCorrelation("Msg_CodeChanged").processInstanceBusinessKey("token-1")
                .setVariable("changeDescription", "Also exports the adverse events form").setVariable("reportedBy", "alice")
                .correlate();
        completeAs("alice", fixTask(lifecycle, "Task_RetestChangeInQa"), Map.of("codeRepositoryUrl",
                "https://git.example.org/change", "codeCommit", "c0ffee12", "testSummary", "Ran the new export in QA for three nights."));
        return lifecycle;
    }

    @Test
    void anApprovedCodeChangeMayRunAndTheTokenStaysActiveThroughout() {
        ProcessInstance lifecycle = codeChanged(startLifecycle());
        assertThat(suspensions.calls()).isEmpty();

        completeAs("sam", fixTask(lifecycle, "Task_ReviewChange"), Map.of("changeReviewOutcome", "APPROVED"));

        assertThat(lifecycle).hasPassed("EndEvent_ChangeApproved").isWaitingAt("Timer_RenewalNoticeDue");
        assertThat(suspensions.calls()).isEmpty();
    }

    @Test
    void aCodeChangeWithChangesRequestedGoesBackToTheHolder() {
        ProcessInstance lifecycle = codeChanged(startLifecycle());

        completeAs("sam", fixTask(lifecycle, "Task_ReviewChange"), Map.of("changeReviewOutcome", "CHANGES_REQUESTED",
                "changeReviewComments", "Add a date filter."));

        assertThat(fixTask(lifecycle, "Task_RetestChangeInQa").getAssignee()).isEqualTo("alice");
    }

    @Test
    void anAdminCanTurnARejectedChangeIntoASuspension() {
        ProcessInstance lifecycle = codeChanged(startLifecycle());
        completeAs("sam", fixTask(lifecycle, "Task_ReviewChange"), Map.of("changeReviewOutcome", "REJECTED",
                "changeReviewComments", "Exports every record every minute."));

        Task decision = fixTask(lifecycle, "Task_DecideOnRejectedChange");
        assertThatThrownBy(() -> completeAs("sam", decision, Map.of("changeDecision", "SUSPEND", "changeDecisionComments", "x")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        completeAs("ada", decision, Map.of("changeDecision", "SUSPEND", "changeDecisionComments", "Untested change at peak."));
        execute(job("Task_SuspendToken", lifecycle));

        assertThat(lifecycle).hasPassed("EndEvent_ChangeLedToSuspension");
        assertThat(suspensions.lastCall().get("suspensionReason").toString()).contains("Exports every record every minute");
        assertThat(suspensions.lastCall()).containsEntry("reportedBy", "ada");
        assertThat(fixTask(lifecycle, "Task_RetestFixInQa")).isNotNull();
    }

    @Test
    void anAdminCanKeepTheTokenAfterARejectedChange() {
        ProcessInstance lifecycle = codeChanged(startLifecycle());
        completeAs("sam", fixTask(lifecycle, "Task_ReviewChange"), Map.of("changeReviewOutcome", "REJECTED",
                "changeReviewComments", "Not as described."));
        completeAs("ada", fixTask(lifecycle, "Task_DecideOnRejectedChange"), Map.of("changeDecision", "KEEP",
                "changeDecisionComments", "The old code keeps running; the holder will resubmit."));

        assertThat(lifecycle).hasPassed("EndEvent_ChangeRejectedTokenKept").isWaitingAt("Timer_RenewalNoticeDue");
        assertThat(suspensions.calls()).isEmpty();
    }
}
