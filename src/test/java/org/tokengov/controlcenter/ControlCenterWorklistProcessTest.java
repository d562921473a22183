package org.tokengov.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditTrail;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notification;
import org.tokengov.notification.Notifier;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.RecordingDelegate;
import org.tokengov.testsupport.TestPeople;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyesViolationException;

/**
 * Every path of ControlCenterWorklistProcess: the task offered to redcap-admins and mailed once, completed with every
 * line done or with lines left (carried to the next wave), the 15-minute check of REDCap's log that leaves the task
 * or ends it when every line is done, and the refusals (not an administrator, a line that is not this wave's).
 */
@Deployment(resources = {"bpmn/ControlCenterWorklistProcess.bpmn", "forms/control-center-worklist.form"})
class ControlCenterWorklistProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final String WAVE = "wave-1";
    static final WorklistLine LINE = new WorklistLine(17, WAVE, "token-1", RedcapEnvironment.PROD, 101, "bob",
            WorkKind.DELETE_TOKEN, "OFFBOARDING", "Its API rights are off meanwhile.", NOW);

    WorklistLines lines = mock(WorklistLines.class);
    RevocationConfirmations confirmations = mock(RevocationConfirmations.class);
    Notifier notifier = mock(Notifier.class);
    AuditTrail auditTrail = mock(AuditTrail.class);
    long openAfterLogCheck = 1;
    long openAfterClose = 0;
    RecordingDelegate confirmFromLog = new RecordingDelegate(
            execution -> execution.getProcessInstance().setVariable(ControlCenterWorklistVariables.OPEN_LINES, openAfterLogCheck));
    RecordingDelegate close = new RecordingDelegate(
            execution -> execution.setVariable(ControlCenterWorklistVariables.OPEN_LINES, openAfterClose));
    RecordingDelegate carryOver = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        TestPeople.create(identityService());
        when(lines.environmentOf(WAVE)).thenReturn(Optional.of(RedcapEnvironment.PROD));
        when(lines.openOf(WAVE)).thenReturn(List.of(LINE));
        when(lines.open(anyLong())).thenReturn(Optional.empty());
        when(lines.open(17L)).thenReturn(Optional.of(LINE));
        when(confirmations.problemWithTick(any(), any())).thenReturn(Optional.empty());
        Mocks.register("deleteTokensInControlCenterListener", new DeleteTokensInControlCenterListener(
                new FourEyes(auditTrail), TestPeople.candidates(identityService(), managementService()), lines, confirmations, notifier, auditTrail));
        Mocks.register("confirmFromRedcapLogDelegate", confirmFromLog);
        Mocks.register("closeWorklistWaveDelegate", close);
        Mocks.register("carryOverOpenLinesDelegate", carryOver);
    }

    @AfterEach
    void reset() {
        identityService().clearAuthentication();
        TestPeople.remove(identityService());
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance startWave() {
        ProcessInstance wave = runtimeService().startProcessInstanceByKey(ControlCenterWorklistVariables.PROCESS, WAVE,
                Map.of(ControlCenterWorklistVariables.ENVIRONMENT, "PROD", ControlCenterWorklistVariables.OPEN_LINES, 1L));
        assertThat(wave).as("the task waits for a job of its own, so a burst's lines are there when it is shown")
                .isWaitingAt("Task_DeleteTokensInControlCenter");
        runJob(wave, "Task_DeleteTokensInControlCenter");
        return wave;
    }

    void runJob(ProcessInstance wave, String activityId) {
        Job job = managementService().createJobQuery().processInstanceId(wave.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        managementService().executeJob(job.getId());
    }

    Task worklist(ProcessInstance wave) {
        return taskService().createTaskQuery().processInstanceId(wave.getId()).taskDefinitionKey("Task_DeleteTokensInControlCenter")
                .singleResult();
    }

    void completeAs(String user, List<String> groups, Task task, Map<String, Object> values) {
        identityService().setAuthentication(user, groups);
        try {
            taskService().complete(task.getId(), values);
        } finally {
            identityService().clearAuthentication();
        }
    }

    @Test
    void theWorklistIsOfferedToTheAdministratorsShowsItsLinesAndIsMailedOnce() {
        ProcessInstance wave = startWave();

        Task task = worklist(wave);
        assertThat(taskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("ada", "rita");
        assertThat(task.getName()).isEqualTo("Delete API tokens in REDCap PROD's Control Center");
        assertThat((String) taskService().getVariableLocal(task.getId(), ControlCenterWorklistVariables.WORKLIST_LINES))
                .startsWith("#17 PROD: delete the API token of bob on project 101 (OFFBOARDING)");
        ArgumentCaptor<Notification> mail = ArgumentCaptor.forClass(Notification.class);
        verify(notifier, times(1)).send(mail.capture());
        assertThat(mail.getValue().kind()).isEqualTo(MailKind.CONTROL_CENTER_WORKLIST);
        assertThat(mail.getValue().usernames()).containsExactlyInAnyOrder("ada", "rita");
        assertThat(mail.getValue().model()).containsEntry("environment", "PROD").containsEntry("count", 1L);
    }

    @Test
    void completedWithEveryLineDoneTheWaveCloses() {
        ProcessInstance wave = startWave();

        completeAs("ada", List.of("redcap-admins"), worklist(wave), Map.of());
        assertThat(wave).isWaitingAt("Task_CloseWorklistWave");
        runJob(wave, "Task_CloseWorklistWave");

        assertThat(wave).isEnded().hasPassed("EndEvent_EveryLineDone").hasNotPassed("Task_CarryOverOpenLines");
        verify(auditTrail).record(eq("ada"), eq(AuditAction.CONTROL_CENTER_WAVE_COMPLETED), eq(null),
                eq(null), contains("still open: 1"));
    }

    @Test
    void completedWithLinesLeftTheyMoveToTheNextWave() {
        openAfterClose = 1;
        ProcessInstance wave = startWave();

        completeAs("rita", List.of("redcap-admins"), worklist(wave), Map.of());
        runJob(wave, "Task_CloseWorklistWave");
        assertThat(wave).isWaitingAt("Task_CarryOverOpenLines");
        runJob(wave, "Task_CarryOverOpenLines");

        assertThat(wave).isEnded().hasPassed("EndEvent_LinesCarriedOver");
        assertThat(carryOver.calls()).hasSize(1);
    }

    @Test
    void everyFifteenMinutesTheLogIsCheckedAndTheTaskStaysWhileLinesAreOpen() {
        ProcessInstance wave = startWave();

        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(15 * 60 + 1)));
        runJob(wave, "Boundary_CheckRedcapLog");
        runJob(wave, "Task_ConfirmFromRedcapLog");

        assertThat(confirmFromLog.calls()).hasSize(1);
        assertThat(wave).isWaitingAt("Task_DeleteTokensInControlCenter").hasPassed("EndEvent_LogChecked");
        assertThat(managementService().createJobQuery().processInstanceId(wave.getId()).activityId("Boundary_CheckRedcapLog")
                .timers().singleResult().getDuedate()).as("the next check").isEqualTo(Date.from(NOW.plusSeconds(30 * 60)));
    }

    @Test
    void whenTheLogConfirmsEveryLineTheTaskEndsWithoutAnAdministrator() {
        openAfterLogCheck = 0;
        ProcessInstance wave = startWave();

        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(15 * 60 + 1)));
        runJob(wave, "Boundary_CheckRedcapLog");
        runJob(wave, "Task_ConfirmFromRedcapLog");

        assertThat(worklist(wave)).isNull();
        assertThat(wave).isWaitingAt("Task_CloseWorklistWave").hasPassed("Boundary_AllLinesDone");
        runJob(wave, "Task_CloseWorklistWave");
        assertThat(wave).isEnded().hasPassed("EndEvent_EveryLineDone");
    }

    @Test
    void onlyAnAdministratorTheTaskIsOfferedToMayCompleteIt() {
        ProcessInstance wave = startWave();
        Task task = worklist(wave);

        assertThatThrownBy(() -> completeAs("bob", List.of("api-requesters"), task, Map.of()))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThatThrownBy(() -> completeAs("sam", List.of("api-specialists"), task, Map.of()))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThat(wave).isWaitingAt("Task_DeleteTokensInControlCenter");
        verify(confirmations, never()).tick(any(), any());
    }

    @Test
    void anAdministratorConfirmsALineTheLogDoesNotAttributeAndTheSystemChecksIt() {
        ProcessInstance wave = startWave();

        completeAs("ada", List.of("redcap-admins"), worklist(wave), Map.of(ControlCenterWorklistVariables.CONFIRMED_BY_ME, "#17"));

        verify(confirmations).problemWithTick(LINE, "ada");
        verify(confirmations).tick(LINE, "ada");
        assertThat(wave).isWaitingAt("Task_CloseWorklistWave");
    }

    @Test
    void aTickTheSystemCannotCheckOrOfAnotherWaveIsRefusedAndNothingIsConfirmed() {
        ProcessInstance wave = startWave();
        Task task = worklist(wave);
        WorklistLine otherWave = new WorklistLine(18, "wave-0", "token-2", RedcapEnvironment.PROD, 101, "alice",
                WorkKind.DELETE_TOKEN, "OFFBOARDING", "", NOW);
        when(lines.open(18L)).thenReturn(Optional.of(otherWave));

        assertThatThrownBy(() -> completeAs("ada", List.of("redcap-admins"), task,
                Map.of(ControlCenterWorklistVariables.CONFIRMED_BY_ME, "18")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("#18 is no open line");
        assertThatThrownBy(() -> completeAs("ada", List.of("redcap-admins"), task,
                Map.of(ControlCenterWorklistVariables.CONFIRMED_BY_ME, "all of them")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("'all' is no line number");
        assertThatThrownBy(() -> completeAs("ada", List.of("redcap-admins"), task,
                Map.of(ControlCenterWorklistVariables.CONFIRMED_BY_ME, 17L)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("must be text");
        when(confirmations.problemWithTick(LINE, "ada")).thenReturn(Optional.of("#17: REDCap's log shows no token deleted"));
        assertThatThrownBy(() -> completeAs("ada", List.of("redcap-admins"), task,
                Map.of(ControlCenterWorklistVariables.CONFIRMED_BY_ME, "17")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("shows no token deleted");

        verify(confirmations, never()).tick(any(), any());
        assertThat(wave).isWaitingAt("Task_DeleteTokensInControlCenter");
    }
}
