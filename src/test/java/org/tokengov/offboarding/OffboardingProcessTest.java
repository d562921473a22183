package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.tokengov.offboarding.OffboardingVariables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.RecordingDelegate;

/**
 * Every path of OffboardingProcess: due now or dated later, superseded, a rehire, one project or the whole person,
 * no tokens, and REDCap down while revoking.
 */
@Deployment(resources = "bpmn/OffboardingProcess.bpmn")
class OffboardingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** The tokens in scope, as the revocation step finds them. */
    static class Scope {
        List<String> tokens = List.of();
    }

    /** A fixed wait for a later budget window, so the test knows the timer's due date; remembers whose it was. */
    public static class BudgetWait {
        final List<String> askedFor = new ArrayList<>();

        public String forOffboarding(String eventId) {
            askedFor.add(eventId);
            return "PT20S";
        }
    }

    /** Stands in for the bean the suspension gateway asks. */
    public static class Suspensions {
        boolean applies;

        public boolean applies(String eventId) {
            return applies;
        }
    }

    /** Stands in for the mass-termination guard: the wave's state as the database would hold it. */
    public static class Guard {
        boolean held;
        String state = "OPEN";

        public boolean holds(String eventId) {
            return held;
        }

        public boolean awaitsDecision(String eventId) {
            return "OPEN".equals(state);
        }

        public boolean confirmed(String eventId) {
            return "CONFIRMED".equals(state);
        }

        public boolean rejected(String eventId) {
            return "REJECTED".equals(state);
        }
    }

    final Scope scope = new Scope();
    final BudgetWait budgetWait = new BudgetWait();
    final Guard guard = new Guard();
    final Suspensions suspensions = new Suspensions();
    String eventType = OffboardingEvent.TERMINATED;
    Instant effectiveAt = NOW;
    String action = EventAction.REVOKE.name();
    RuntimeException redcapFailure;
    int budgetSpentFor;
    final List<String> revoked = Collections.synchronizedList(new ArrayList<>());

    final RecordingDelegate closeLeaversCases = new RecordingDelegate();
    final RecordingDelegate register = new RecordingDelegate(execution -> {
        execution.setVariable(EVENT_TYPE, eventType);
        execution.setVariable(EFFECTIVE_AT, Date.from(effectiveAt));
        execution.setVariable(EFFECTIVE_NOW, !effectiveAt.isAfter(ClockUtil.getCurrentTime().toInstant()));
    });
    final RecordingDelegate decide = new RecordingDelegate(execution -> execution.setVariable(EVENT_ACTION, action));
    final RecordingDelegate recordIgnored = new RecordingDelegate();
    final RecordingDelegate recordRehire = new RecordingDelegate();
    final RecordingDelegate findTokens = new RecordingDelegate(execution -> execution.setVariable(TOKEN_COUNT, scope.tokens.size()));
    final RecordingDelegate revoke = new RecordingDelegate(execution -> {
        if (redcapFailure != null) {
            throw redcapFailure;
        }
        if (budgetSpentFor-- > 0) {
            throw new BpmnError(RevokeOffboardedTokenDelegate.BUDGET_EXHAUSTED);
        }
        revoked.addAll(scope.tokens);
    });
    final RecordingDelegate recordResult = new RecordingDelegate();
    final RecordingDelegate endLifecycles = new RecordingDelegate();
    final RecordingDelegate removeEntitlements = new RecordingDelegate();
    final RecordingDelegate notifyPis = new RecordingDelegate();
    final RecordingDelegate sponsorCascade = new RecordingDelegate();
    final RecordingDelegate endProjectAccess = new RecordingDelegate();
    final RecordingDelegate suspendAccount = new RecordingDelegate();
    final RecordingDelegate countTermination = new RecordingDelegate();
    final RecordingDelegate refuseReversibly = new RecordingDelegate();
    final RecordingDelegate giveBack = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("budgetWindowWait", budgetWait);
        Mocks.register("registerOffboardingEventDelegate", register);
        Mocks.register("decideEventActionDelegate", decide);
        Mocks.register("recordIgnoredEventDelegate", recordIgnored);
        Mocks.register("recordRehireDelegate", recordRehire);
        Mocks.register("findTokensInScopeDelegate", findTokens);
        Mocks.register("revokeOffboardedTokensDelegate", revoke);
        Mocks.register("recordOffboardingResultDelegate", recordResult);
        Mocks.register("endTokenLifecyclesDelegate", endLifecycles);
        Mocks.register("removeEntitlementsDelegate", removeEntitlements);
        Mocks.register("notifyPisAndAdminsDelegate", notifyPis);
        Mocks.register("startSponsorCascadeDelegate", sponsorCascade);
        Mocks.register("closeLeaversCasesDelegate", closeLeaversCases);
        Mocks.register("endProjectAccessDelegate", endProjectAccess);
        Mocks.register("redcapAccountSuspensions", suspensions);
        Mocks.register("suspendRedcapAccountDelegate", suspendAccount);
        Mocks.register("massTerminationGuard", guard);
        Mocks.register("countTerminationDelegate", countTermination);
        Mocks.register("refuseTokensReversiblyDelegate", refuseReversibly);
        Mocks.register("giveTokensBackDelegate", giveBack);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS, "event-1",
                Map.of(EVENT_ID, "event-1", USERNAME, "alice", SOURCE, "HR_WEBHOOK"));
    }

    List<Job> jobsAt(ProcessInstance offboarding, String activityId) {
        return managementService().createJobQuery().processInstanceId(offboarding.getId()).activityId(activityId).list();
    }

    void runAll(List<Job> jobs) {
        jobs.forEach(job -> execute(job));
    }

    /** Revokes every token, then runs the async steps after the revocations. */
    void revokeAllAndFinish(ProcessInstance offboarding) {
        runAll(jobsAt(offboarding, "Task_RevokeTokensInRedcap"));
        for (String step : List.of("Task_EndTokenLifecycles", "Task_RemoveEntitlements", "Task_SuspendRedcapAccount",
                "Task_NotifyPisAndAdmins",
                "Task_StartSponsorCascade", "Task_CloseLeaversCases", "Task_EndProjectAccess")) {
            jobsAt(offboarding, step).forEach(job -> execute(job));
        }
    }

    @Test
    void aTerminationRevokesEveryTokenInOneJobThenTellsPeopleAndHoldsSponsoredExternals() {
        scope.tokens = List.of("token-qa", "token-prod-1", "token-prod-2");

        ProcessInstance offboarding = start();

        assertThat(offboarding).hasPassedInOrder("StartEvent_OffboardingReported", "Task_RegisterOffboardingEvent",
                "Gateway_EffectiveYet", "Gateway_EventDue", "Task_DecideEventAction", "Gateway_EventAction",
                "Task_FindTokensInScope", "Task_CountTermination", "Gateway_TerminationWave", "Gateway_RevokeNow");
        assertThat(offboarding).as("below the threshold: no hold").hasNotPassed("Task_RefuseTokensReversibly");
        assertThat(countTermination.calls()).as("counted in the event's own transaction, no job").hasSize(1);
        assertThat(recordResult.calls()).as("not before every token is confirmed revoked").isEmpty();
        List<Job> revocations = jobsAt(offboarding, "Task_RevokeTokensInRedcap");
        assertThat(revocations).as("one job for all their tokens").singleElement()
                .satisfies(job -> assertThat(job.getPriority()).as("before follow-up work").isEqualTo(100));

        runAll(revocations);
        assertThat(revoked).containsExactlyInAnyOrder("token-qa", "token-prod-1", "token-prod-2");
        assertThat(recordResult.calls()).hasSize(1);
        assertThat(offboarding).isWaitingAt("Task_EndTokenLifecycles");
        revokeAllAndFinish(offboarding);
        assertThat(endLifecycles.calls()).hasSize(1);
        assertThat(offboarding).hasPassedInOrder("Task_RecordOffboardingResult", "Task_EndTokenLifecycles", "Task_RemoveEntitlements",
                "Task_NotifyPisAndAdmins", "Gateway_LeftOrganisation", "Task_StartSponsorCascade",
                "Task_CloseLeaversCases", "EndEvent_PersonOffboarded").isEnded();
        assertThat(notifyPis.calls()).hasSize(1);
        assertThat(sponsorCascade.lastCall()).containsEntry(USERNAME, "alice");
        assertThat(closeLeaversCases.calls()).as("their open requests and held tasks are closed").hasSize(1);
        assertThat(endProjectAccess.calls()).as("no single project to end access to").isEmpty();
        assertThat(offboarding).as("the setting is off").hasPassed("Gateway_SuspendAccount", "Gateway_AccountHandled")
                .hasNotPassed("Task_SuspendRedcapAccount");
        assertThat(suspendAccount.calls()).isEmpty();
    }

    @Test
    void withTheSettingOnATerminationSuspendsTheRedcapAccountBeforePeopleAreTold() {
        suspensions.applies = true;
        scope.tokens = List.of("token-prod");

        ProcessInstance offboarding = start();
        runAll(jobsAt(offboarding, "Task_RevokeTokensInRedcap"));
        execute(jobsAt(offboarding, "Task_EndTokenLifecycles").get(0));
        execute(jobsAt(offboarding, "Task_RemoveEntitlements").get(0));

        assertThat(offboarding).as("its own job: REDCap's database down is retried there").isWaitingAt("Task_SuspendRedcapAccount");
        revokeAllAndFinish(offboarding);
        assertThat(suspendAccount.calls()).hasSize(1);
        assertThat(suspendAccount.lastCall()).containsEntry(EVENT_ID, "event-1");
        assertThat(offboarding).hasPassedInOrder("Task_RemoveEntitlements", "Gateway_SuspendAccount",
                "Task_SuspendRedcapAccount", "Gateway_AccountHandled", "Task_NotifyPisAndAdmins",
                "Task_StartSponsorCascade", "EndEvent_PersonOffboarded").isEnded();
    }

    @Test
    void leavingAProjectRevokesItsTokensButStartsNoSponsorCascade() {
        eventType = OffboardingEvent.LEFT_PROJECT;
        scope.tokens = List.of("token-prod-101");

        ProcessInstance offboarding = start();
        revokeAllAndFinish(offboarding);

        assertThat(revoked).containsExactly("token-prod-101");
        assertThat(offboarding).hasPassed("Task_NotifyPisAndAdmins").hasNotPassed("Task_StartSponsorCascade",
                "Task_CloseLeaversCases").isEnded();
        assertThat(offboarding).hasPassed("Task_EndProjectAccess", "EndEvent_ProjectAccessRemoved");
        assertThat(endProjectAccess.calls()).as("their REDCap access to the project ends too").hasSize(1);
        assertThat(sponsorCascade.calls()).isEmpty();
        assertThat(offboarding).hasNotPassed("Task_SuspendRedcapAccount");
    }

    @Test
    void anEventDatedLaterWaitsForItsEffectiveDate() {
        effectiveAt = NOW.plusSeconds(3 * 24 * 3600);
        scope.tokens = List.of("token-prod");

        ProcessInstance offboarding = start();

        assertThat(offboarding).isWaitingAt("Timer_UntilEffective");
        assertThat(decide.calls()).as("decided only once in effect").isEmpty();
        Job timer = jobsAt(offboarding, "Timer_UntilEffective").get(0);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(effectiveAt));

        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);

        assertThat(decide.calls()).hasSize(1);
        revokeAllAndFinish(offboarding);
        assertThat(revoked).containsExactly("token-prod");
        assertThat(offboarding).hasPassed("Timer_UntilEffective", "EndEvent_PersonOffboarded").isEnded();
    }

    @Test
    void anEventMadeMootByALaterDatedOneIsRecordedAndRevokesNothing() {
        action = EventAction.IGNORE.name();
        scope.tokens = List.of("token-prod");

        ProcessInstance offboarding = start();

        assertThat(offboarding).hasPassedInOrder("Task_DecideEventAction", "Task_RecordIgnoredEvent",
                "EndEvent_EventIgnored").isEnded();
        assertThat(recordIgnored.calls()).hasSize(1);
        assertThat(findTokens.calls()).isEmpty();
        assertThat(revoked).isEmpty();
    }

    @Test
    void aRehireIsRecordedAndRevokesNothing() {
        eventType = OffboardingEvent.REHIRED;
        action = EventAction.RECORD_REHIRE.name();

        ProcessInstance offboarding = start();

        assertThat(offboarding).hasPassedInOrder("Task_RecordRehire", "EndEvent_RehireRecorded").isEnded();
        assertThat(recordRehire.calls()).hasSize(1);
        assertThat(revoked).isEmpty();
    }

    @Test
    void aPersonWithoutTokensIsStillRecordedAndReported() {
        ProcessInstance offboarding = start();

        revokeAllAndFinish(offboarding);
        assertThat(recordResult.calls()).hasSize(1);
        assertThat(offboarding).hasPassed("Task_NotifyPisAndAdmins", "Task_StartSponsorCascade").isEnded();
    }

    @Test
    void redcapDownBecomesAnIncidentAndTheRevocationCompletesWhenItReturns() {
        scope.tokens = List.of("token-a", "token-b");
        redcapFailure = new RedcapUnavailableException("REDCap PROD answered 503");
        ProcessInstance offboarding = start();

        Job job = jobsAt(offboarding, "Task_RevokeTokensInRedcap").get(0);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                managementService().executeJob(job.getId());
            } catch (RuntimeException expected) {
                assertThat(expected).isInstanceOf(RedcapUnavailableException.class);
            }
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(offboarding.getId()).list())
                .as("the failed revocation is a visible incident").singleElement()
                .satisfies(incident -> assertThat(incident.getActivityId()).isEqualTo("Task_RevokeTokensInRedcap"));
        assertThat(offboarding).isActive();
        assertThat(recordResult.calls()).isEmpty();

        redcapFailure = null;
        managementService().setJobRetries(job.getId(), 1);
        revokeAllAndFinish(offboarding);

        assertThat(revoked).containsExactlyInAnyOrder("token-a", "token-b");
        assertThat(recordResult.calls()).hasSize(1);
        assertThat(offboarding).isEnded();
    }

    @Test
    void aSpentRateBudgetWaitsForALaterWindowWithoutUsingUpRetries() {
        scope.tokens = List.of("token-a");
        budgetSpentFor = 2;
        ProcessInstance offboarding = start();

        for (int window = 1; window <= 2; window++) {
            execute(jobsAt(offboarding, "Task_RevokeTokensInRedcap").get(0));
            assertThat(offboarding).isWaitingAt("Timer_NextBudgetWindow");
            Job timer = jobsAt(offboarding, "Timer_NextBudgetWindow").get(0);
            assertThat(timer.getDuedate()).as("the wait computed for the offboarding's budgets")
                    .isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 20_000));
            assertThat(timer.getPriority()).as("a waiting revocation outranks follow-up work").isEqualTo(100);
            ClockUtil.setCurrentTime(timer.getDuedate());
            execute(timer);
        }
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        revokeAllAndFinish(offboarding);

        assertThat(revoked).containsExactly("token-a");
        assertThat(budgetWait.askedFor).containsExactly("event-1", "event-1");
        assertThat(offboarding).hasPassed("Boundary_RateBudgetExhausted", "Timer_NextBudgetWindow").isEnded();
    }

    @Test
    void aTerminationHeldInAWaveIsRefusedAtOnceAndRevokedOnlyOnceTheWaveIsConfirmed() {
        guard.held = true;
        scope.tokens = List.of("token-qa", "token-prod");

        ProcessInstance offboarding = start();

        assertThat(offboarding).hasPassed("Task_CountTermination", "Gateway_TerminationWave")
                .isWaitingAt("Task_RefuseTokensReversibly");
        Job refusal = jobsAt(offboarding, "Task_RefuseTokensReversibly").get(0);
        assertThat(refusal.getPriority()).as("as urgent as a revocation").isEqualTo(100);
        execute(refusal);
        assertThat(refuseReversibly.calls()).hasSize(1);
        assertThat(offboarding).isWaitingAt("Event_WaveDecided");
        assertThat(jobsAt(offboarding, "Task_RevokeTokensInRedcap")).as("nothing irreversible yet").isEmpty();

        guard.state = "CONFIRMED";
        runtimeService().createMessageCorrelation(WAVE_DECIDED).processInstanceBusinessKey("event-1").correlate();

        assertThat(jobsAt(offboarding, "Task_RevokeTokensInRedcap")).hasSize(1);
        revokeAllAndFinish(offboarding);
        assertThat(revoked).containsExactlyInAnyOrder("token-qa", "token-prod");
        assertThat(offboarding).hasPassedInOrder("Task_RefuseTokensReversibly", "Gateway_WaveDecidedYet",
                "Event_WaveDecided", "Gateway_WaveOutcome", "Gateway_RevokeNow", "Task_RecordOffboardingResult",
                "Task_EndTokenLifecycles", "Task_RemoveEntitlements", "Task_NotifyPisAndAdmins",
                "EndEvent_PersonOffboarded").isEnded();
        assertThat(giveBack.calls()).isEmpty();
    }

    @Test
    void aRejectedWaveGivesTheTokensBackAndEndsNothing() {
        guard.held = true;
        scope.tokens = List.of("token-prod");
        ProcessInstance offboarding = start();
        execute(jobsAt(offboarding, "Task_RefuseTokensReversibly").get(0));

        guard.state = "REJECTED";
        runtimeService().createMessageCorrelation(WAVE_DECIDED).processInstanceBusinessKey("event-1").correlate();

        assertThat(offboarding).as("its own job: REDCap down is retried there").isWaitingAt("Task_GiveTokensBack");
        execute(jobsAt(offboarding, "Task_GiveTokensBack").get(0));
        assertThat(offboarding).hasPassedInOrder("Gateway_WaveOutcome", "Task_GiveTokensBack",
                "EndEvent_TerminationRejected").isEnded();
        assertThat(giveBack.calls()).hasSize(1);
        assertThat(revoked).isEmpty();
        assertThat(recordResult.calls()).isEmpty();
        assertThat(endLifecycles.calls()).isEmpty();
        assertThat(notifyPis.calls()).as("the give-back step tells people itself").isEmpty();
    }

    @Test
    void aWaveDecidedBeforeTheHeldDepartureWaitsGoesOnWithoutAMessage() {
        guard.held = true;
        scope.tokens = List.of("token-prod");
        ProcessInstance offboarding = start();
        guard.state = "CONFIRMED";

        execute(jobsAt(offboarding, "Task_RefuseTokensReversibly").get(0));

        assertThat(offboarding).hasNotPassed("Event_WaveDecided").hasPassed("Gateway_WaveOutcome");
        assertThat(jobsAt(offboarding, "Task_RevokeTokensInRedcap")).hasSize(1);
        revokeAllAndFinish(offboarding);
        assertThat(offboarding).isEnded();
    }

    @Test
    void aMessageWhileTheWaveIsStillOpenChangesNothing() {
        guard.held = true;
        scope.tokens = List.of("token-prod");
        ProcessInstance offboarding = start();
        execute(jobsAt(offboarding, "Task_RefuseTokensReversibly").get(0));

        runtimeService().createMessageCorrelation(WAVE_DECIDED).processInstanceBusinessKey("event-1").correlate();

        assertThat(offboarding).as("the decision is read from the database, not from the message")
                .isWaitingAt("Event_WaveDecided");
        assertThat(jobsAt(offboarding, "Task_RevokeTokensInRedcap")).isEmpty();
        assertThat(giveBack.calls()).isEmpty();
    }
}
