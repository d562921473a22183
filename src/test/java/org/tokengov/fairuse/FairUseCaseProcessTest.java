package org.tokengov.fairuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.mockito.ArgumentCaptor;
import org.tokengov.audit.AuditTrail;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.TestPeople;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.Finding;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyesViolationException;

/**
 * Every path of FairUseCaseProcess with its real listeners, delegates and gateways on the app's tables (H2): the
 * holder confirms a fix; no fix by the deadline goes to the administrators; a repeat and a severe finding go there at
 * once; dismiss, warn and suspend. And the attacks: someone else confirms the holder's fix, the holder (an
 * administrator too) claims or decides their own case, variables set by anyone steer nothing, a bad decision.
 */
@Deployment(resources = {"bpmn/FairUseCaseProcess.bpmn", "forms/fair-use-fix.form", "forms/fair-use-decision.form"})
class FairUseCaseProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final String TOKEN = "token-1";
    static final String FIX = "Polling once an hour now instead of every 5 seconds, with dateRangeBegin.";

    final FairUseTables tables = new FairUseTables();
    final Notifier notifier = mock(Notifier.class);
    final TokenLifecycles lifecycles = mock(TokenLifecycles.class);
    final TokenRegistry registry = mock(TokenRegistry.class);
    FairUseCases cases;

    @BeforeEach
    void wire() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        TestPeople.create(identityService());
        AuditTrail auditTrail = mock(AuditTrail.class);
        cases = tables.cases(runtimeService(), identityService(), auditTrail);
        FairUseCaseSteps steps = new FairUseCaseSteps(cases, notifier, lifecycles, registry, auditTrail);
        FourEyes fourEyes = new FourEyes(auditTrail);
        Mocks.register("fairUseCaseFacts", new FairUseCaseFacts(cases));
        Mocks.register("tellHolderOfFindingDelegate", new TellHolderOfFindingDelegate(steps));
        Mocks.register("handCaseToAdminsDelegate", new HandCaseToAdminsDelegate(steps));
        Mocks.register("warnHolderDelegate", new WarnHolderDelegate(steps));
        Mocks.register("suspendTokenForMisuseDelegate", new SuspendTokenForMisuseDelegate(steps));
        Mocks.register("confirmFairUseFixListener",
                new ConfirmFairUseFixListener(fourEyes, TestPeople.candidates(identityService(), managementService()), steps));
        Mocks.register("decideOnFairUseCaseListener",
                new DecideOnFairUseCaseListener(fourEyes, TestPeople.candidates(identityService(), managementService()), steps));
    }

    @AfterEach
    void reset() {
        identityService().clearAuthentication();
        TestPeople.remove(identityService());
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- the paths

    @Test
    void theHolderIsToldWhatWasSeenAndTheirConfirmedFixClosesTheCase() {
        ProcessInstance process = open(tables.confirmed(FairUseRule.POLLING, TOKEN, "bob"));

        Notification notice = onlyNotice();
        assertThat(notice.kind()).isEqualTo(MailKind.FAIR_USE_FINDING);
        assertThat(notice.usernames()).containsExactly("bob");
        assertThat(notice.model()).containsEntry("toAdmins", false).containsEntry("deadline", "2026-12-21 10:00")
                .containsEntry("rule", FairUseRule.POLLING.inWords()).containsEntry("policy", FairUseRule.POLLING.policySentence());
        assertThat(notice.model().get("observed").toString())
                .contains("UTC: 720 calls, one every 5 seconds for 60 minutes");
        Task fix = task(process);
        assertThat(fix.getTaskDefinitionKey()).isEqualTo("Task_ConfirmFairUseFix");
        assertThat(fix.getAssignee()).isEqualTo("bob");
        assertThat(fix.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));
        assertThat(taskService().getVariablesLocal(fix.getId())).containsEntry(FairUseCaseVariables.RULE, FairUseRule.POLLING.inWords())
                .containsEntry(FairUseCaseVariables.POLICY, FairUseRule.POLLING.policySentence())
                .containsEntry(FairUseCaseVariables.DEADLINE, "2026-12-21 10:00 UTC")
                .containsEntry(FairUseCaseVariables.TOKEN, "PROD API token on REDCap project 101");

        completeAs("bob", fix, Map.of(FairUseCaseVariables.FIX_DESCRIPTION, FIX));

        assertThat(process).isEnded().hasPassedInOrder("Task_TellHolderOfFinding", "Gateway_HolderFirst",
                "Task_ConfirmFairUseFix", "EndEvent_FixConfirmed");
        FairUseCase fixed = theCase();
        assertThat(fixed.state()).isEqualTo(FairUseCaseState.FIXED);
        assertThat(fixed.closedAt()).isEqualTo(NOW);
        assertThat(fixed.decidedBy()).isEqualTo("bob");
        assertThat(fixed.fixDescribed()).isEqualTo(FIX);
        assertThat(cases.openCases(null, 100)).isEmpty();
    }

    @Test
    void noFixByTheDeadlineGoesToTheAdministratorsWhoMayDismissTheCase() {
        ProcessInstance process = open(tables.confirmed(FairUseRule.POLLING, TOKEN, "bob"));
        onlyNotice();
        Job deadline = managementService().createJobQuery().processInstanceId(process.getId())
                .activityId("Timer_FixDeadline").singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));

        ClockUtil.setCurrentTime(deadline.getDuedate());
        managementService().executeJob(deadline.getId());

        assertThat(theCase().state()).isEqualTo(FairUseCaseState.WITH_ADMINS);
        assertThat(onlyNotice().kind()).isEqualTo(MailKind.FAIR_USE_NO_FIX_BY_DEADLINE);
        Task decision = decisionTask(process);
        assertThat(offeredTo(decision)).containsExactlyInAnyOrder("ada", "rita");
        assertThat(taskService().getVariablesLocal(decision.getId()))
                .containsEntry(FairUseCaseVariables.HOLDER, "bob")
                .containsEntry(FairUseCaseVariables.WHY_ADMINS, "No fix was confirmed by the deadline, 2026-12-21 10:00 UTC.")
                .containsEntry(FairUseCaseVariables.EARLIER_CASES, "none");

        completeAs("ada", decision, decide("DISMISS", "A data migration we agreed to; it ended."));

        assertThat(process).isEnded().hasPassed("Timer_FixDeadline", "Task_HandCaseToAdmins", "EndEvent_CaseDismissed")
                .hasNotPassed("Task_WarnHolder", "Task_SuspendTokenForMisuse");
        FairUseCase dismissed = theCase();
        assertThat(dismissed.state()).isEqualTo(FairUseCaseState.DISMISSED);
        assertThat(dismissed.decidedBy()).isEqualTo("ada");
        assertThat(dismissed.comments()).isEqualTo("A data migration we agreed to; it ended.");
        Notification told = onlyNotice();
        assertThat(told.kind()).isEqualTo(MailKind.FAIR_USE_CASE_DISMISSED);
        assertThat(told.usernames()).containsExactly("bob");
        verify(lifecycles, never()).suspend(anyString(), anyString(), anyString());
    }

    @Test
    void aRepeatWithinTheWindowGoesToTheAdministratorsAtOnceWhoMayWarnTheHolder() {
        ProcessInstance first = open(tables.confirmed(FairUseRule.POLLING, TOKEN, "bob"));
        completeAs("bob", task(first), Map.of(FairUseCaseVariables.FIX_DESCRIPTION, FIX));
        sent();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(30))));

        ProcessInstance repeat = open(tables.confirmed(FairUseRule.POLLING, TOKEN, "bob"));

        Notification notice = onlyNotice();
        assertThat(notice.kind()).isEqualTo(MailKind.FAIR_USE_FINDING);
        assertThat(notice.model()).containsEntry("toAdmins", true).containsEntry("deadline", "");
        assertThat(notice.model().get("why").toString()).startsWith("It repeats a case of the same token and rule");
        assertThat(repeat).hasPassed("Gateway_HolderFirst").hasNotPassed("Task_ConfirmFairUseFix");
        Task decision = decisionTask(repeat);
        assertThat(taskService().getVariableLocal(decision.getId(), FairUseCaseVariables.EARLIER_CASES).toString())
                .contains("as FIXED by bob");

        completeAs("rita", decision, decide("WARN", "Poll at most hourly, as your request said."));
        assertThat(repeat).isWaitingAt("Task_WarnHolder");
        runJob(repeat, "Task_WarnHolder");

        assertThat(repeat).isEnded().hasPassed("EndEvent_HolderWarned");
        FairUseCase warned = theCase();
        assertThat(warned.state()).isEqualTo(FairUseCaseState.WARNED);
        assertThat(warned.decidedBy()).isEqualTo("rita");
        Notification warning = onlyNotice();
        assertThat(warning.kind()).isEqualTo(MailKind.FAIR_USE_WARNING);
        assertThat(warning.usernames()).containsExactly("bob");
        assertThat(warning.model()).containsEntry("comments", "Poll at most hourly, as your request said.")
                .containsEntry("decidedBy", "rita");
    }

    @Test
    void aSevereFindingGoesToTheAdministratorsAtOnceWhoMaySuspendTheTokenThroughItsLifecycle() {
        when(registry.find(TOKEN)).thenReturn(Optional.of(token(TokenState.ACTIVE)));
        ProcessInstance process = open(tables.record(FairUseRule.POLLING, Certainty.CONFIRMED, true, TOKEN, "bob"));
        assertThat(onlyNotice().model()).containsEntry("toAdmins", true)
                .containsEntry("why", "The finding is severe: far beyond the rule's threshold.");

        completeAs("ada", decisionTask(process), decide("SUSPEND", "Polling every second at noon, again."));
        assertThat(process).isWaitingAt("Task_SuspendTokenForMisuse");
        verify(lifecycles, never()).suspend(anyString(), anyString(), anyString());
        runJob(process, "Task_SuspendTokenForMisuse");

        assertThat(process).isEnded().hasPassed("EndEvent_TokenSuspended");
        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(lifecycles).suspend(eq(TOKEN), reason.capture(), eq("ada"));
        assertThat(reason.getValue()).contains("POLLING", theCase().id(), "720 calls",
                "Polling every second at noon, again.");
        assertThat(theCase().state()).isEqualTo(FairUseCaseState.SUSPENDED);
    }

    @Test
    void aTokenNoLongerActiveIsNotSuspendedAgain() {
        when(registry.find(TOKEN)).thenReturn(Optional.of(token(TokenState.SUSPENDED)));
        ProcessInstance process = open(tables.record(FairUseRule.POLLING, Certainty.CONFIRMED, true, TOKEN, "bob"));

        completeAs("ada", decisionTask(process), decide("SUSPEND", "Polling every second at noon."));
        runJob(process, "Task_SuspendTokenForMisuse");

        assertThat(process).isEnded();
        verify(lifecycles, never()).suspend(anyString(), anyString(), anyString());
        assertThat(theCase().state()).isEqualTo(FairUseCaseState.SUSPENDED);
    }

    @Test
    void aCaseWithManyLongFindingsShowsTheNewestThatFitATaskVariableAndCountsTheRest() {
        ProcessInstance process = open(tables.record(FairUseRule.POLLING, Certainty.CONFIRMED, false, TOKEN, "bob",
                "first " + "x".repeat(1990)));
        for (int later = 1; later <= 4; later++) {
            ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(later))));
            cases.open(tables.record(FairUseRule.POLLING, Certainty.CONFIRMED, false, TOKEN, "bob",
                    "later " + later + " " + "y".repeat(1990)));
        }
        Job deadline = managementService().createJobQuery().processInstanceId(process.getId())
                .activityId("Timer_FixDeadline").singleResult();
        ClockUtil.setCurrentTime(deadline.getDuedate());
        managementService().executeJob(deadline.getId());

        String observed = taskService().getVariableLocal(decisionTask(process).getId(), FairUseCaseVariables.OBSERVED)
                .toString();
        assertThat(observed.length()).isLessThanOrEqualTo(4000);
        assertThat(observed).as("each finding's text is about 2,000 characters: the newest fits")
                .contains("later 4 ").doesNotContain("later 3 ", "first ").endsWith("… and 4 earlier findings");
    }

    // --- the attacks

    @Test
    void nobodyButTheHolderMayTakeOrConfirmTheHoldersFix() {
        ProcessInstance process = open(tables.confirmed(FairUseRule.POLLING, TOKEN, "bob"));
        Task fix = task(process);

        assertThatThrownBy(() -> completeAs("alice", fix, Map.of(FairUseCaseVariables.FIX_DESCRIPTION, FIX)))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("only bob, who holds the token, works on it");
        assertThatThrownBy(() -> completeAs("ada", fix, Map.of(FairUseCaseVariables.FIX_DESCRIPTION, FIX)))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThatThrownBy(() -> taskService().setAssignee(fix.getId(), "alice"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThatThrownBy(() -> taskService().addCandidateUser(fix.getId(), "alice"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);

        assertThat(process).isWaitingAt("Task_ConfirmFairUseFix");
        assertThat(theCase().state()).isEqualTo(FairUseCaseState.OPEN);
    }

    @Test
    void anAdministratorWhoHoldsTheTokenMayNeitherClaimNorDecideTheirOwnCase() {
        ProcessInstance process = open(tables.record(FairUseRule.POLLING, Certainty.CONFIRMED, true, TOKEN, "rita"));
        Task decision = decisionTask(process);
        assertThat(offeredTo(decision)).as("offered to the other administrators only").containsExactly("ada");

        assertThatThrownBy(() -> completeAs("rita", decision, decide("DISMISS", "Nothing to see here.")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class).hasMessageContaining("their own token");
        identityService().setAuthentication("rita", List.of("redcap-admins"));
        try {
            assertThatThrownBy(() -> taskService().claim(decision.getId(), "rita"))
                    .hasRootCauseInstanceOf(FourEyesViolationException.class);
            assertThatThrownBy(() -> taskService().addCandidateUser(decision.getId(), "rita"))
                    .hasRootCauseInstanceOf(FourEyesViolationException.class);
        } finally {
            identityService().clearAuthentication();
        }

        assertThat(process).isWaitingAt("Task_DecideOnFairUseCase");
        assertThat(theCase().decision()).isNull();
    }

    @Test
    void variablesSetByAnyoneSteerNeitherGateway() {
        ProcessInstance process = runtimeStartWithForgedVariables();
        assertThat(process).as("severe: to the administrators, whatever the variables say")
                .hasNotPassed("Task_ConfirmFairUseFix");
        Task decision = decisionTask(process);
        // The holder writes the outcome they would like, as process and as task variables (Camunda's REST API).
        runtimeService().setVariable(process.getId(), FairUseCaseVariables.DECISION, "DISMISS");
        taskService().setVariableLocal(decision.getId(), "decision", "DISMISS");
        taskService().setVariable(decision.getId(), "adminsFirst", false);

        completeAs("ada", decision, decide("WARN", "Poll at most hourly."));

        assertThat(process).isWaitingAt("Task_WarnHolder");
        assertThat(theCase().decision()).isEqualTo(FairUseDecision.WARN);
        // After the decision, a variable written by anyone changes nothing: the gateway already read the case.
        runtimeService().setVariable(process.getId(), FairUseCaseVariables.DECISION, "DISMISS");
        runJob(process, "Task_WarnHolder");
        assertThat(process).isEnded().hasPassed("EndEvent_HolderWarned");
    }

    @Test
    void aBadDecisionOrNoCommentsOrATooShortFixIsAFormErrorAndChangesNothing() {
        ProcessInstance process = open(tables.record(FairUseRule.POLLING, Certainty.CONFIRMED, true, TOKEN, "bob"));
        Task decision = decisionTask(process);

        assertThatThrownBy(() -> completeAs("ada", decision, decide("BAN", "Forever.")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Decision must be one of DISMISS, WARN, SUSPEND.");
        assertThatThrownBy(() -> completeAs("ada", decision, Map.of(FairUseCaseVariables.DECISION, "DISMISS")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("Comments is required.");
        assertThat(process).isWaitingAt("Task_DecideOnFairUseCase");
        assertThat(theCase().decision()).isNull();

        ProcessInstance other = open(tables.confirmed(FairUseRule.PEAK_HOUR_BULK_EXPORT, TOKEN, "bob"));
        Task fix = task(other);
        assertThatThrownBy(() -> completeAs("bob", fix, Map.of(FairUseCaseVariables.FIX_DESCRIPTION, "fixed")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("What you changed must be 20 to 4000 characters long");
        assertThat(other).isWaitingAt("Task_ConfirmFairUseFix");
    }

    // --- helpers

    /** A severe finding's case, its process given variables that claim the opposite before its first step runs. */
    private ProcessInstance runtimeStartWithForgedVariables() {
        Finding severe = tables.record(FairUseRule.POLLING, Certainty.CONFIRMED, true, TOKEN, "bob");
        cases.open(severe);
        ProcessInstance process = instanceOf(severe);
        runtimeService().setVariables(process.getId(), Map.of("adminsFirst", false, "holderFirst", true,
                "severe", false, FairUseCaseVariables.DECISION, "DISMISS"));
        runJob(process, "Task_TellHolderOfFinding");
        return process;
    }

    /** Opens the finding's case and runs its first step (the notice). */
    private ProcessInstance open(Finding finding) {
        cases.open(finding);
        ProcessInstance process = instanceOf(finding);
        assertThat(process).as("the notice is a job of its own, not part of the monitor's step")
                .isWaitingAt("Task_TellHolderOfFinding");
        runJob(process, "Task_TellHolderOfFinding");
        return process;
    }

    /** The process of the case the finding opened: its business key is the case's id. */
    private ProcessInstance instanceOf(Finding finding) {
        String caseId = tables.findings.find(finding.id()).orElseThrow().caseId();
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(FairUseCaseVariables.PROCESS)
                .processInstanceBusinessKey(caseId).singleResult();
    }

    private FairUseCase theCase() {
        return cases.ofToken(TOKEN).get(0);
    }

    private static IssuedToken token(TokenState state) {
        return new IssuedToken(TOKEN, "request-1", "bob", RedcapEnvironment.PROD, 101, true, false, false, state,
                NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(265)), null, "ab".repeat(32), null, null, 1L);
    }

    private static Map<String, Object> decide(String decision, String comments) {
        return Map.of(FairUseCaseVariables.DECISION, decision, FairUseCaseVariables.COMMENTS, comments);
    }

    private void runJob(ProcessInstance process, String activityId) {
        Job job = managementService().createJobQuery().processInstanceId(process.getId()).activityId(activityId)
                .singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        managementService().executeJob(job.getId());
    }

    private Task task(ProcessInstance process) {
        return taskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
    }

    private Task decisionTask(ProcessInstance process) {
        runJob(process, "Task_DecideOnFairUseCase");
        Task task = task(process);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_DecideOnFairUseCase");
        return task;
    }

    private Set<String> offeredTo(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId)
                .filter(user -> user != null).collect(Collectors.toSet());
    }

    private void completeAs(String person, Task task, Map<String, Object> values) {
        identityService().setAuthentication(person, List.of("redcap-admins", "api-requesters"));
        try {
            taskService().complete(task.getId(), values);
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** The notices sent since the last call. */
    private List<Notification> sent() {
        ArgumentCaptor<Notification> notices = ArgumentCaptor.forClass(Notification.class);
        verify(notifier, org.mockito.Mockito.atLeast(0)).send(notices.capture());
        List<Notification> all = new ArrayList<>(notices.getAllValues());
        org.mockito.Mockito.clearInvocations(notifier);
        return all;
    }

    private Notification onlyNotice() {
        List<Notification> notices = sent();
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }
}
