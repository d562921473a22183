package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
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
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.RecordingDelegate;

/** Every path of TerminationWaveProcess: decided by an administrator, reminders while waiting, the deadline. */
@Deployment(resources = "bpmn/TerminationWaveProcess.bpmn")
class TerminationWaveProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    /** The timers as configured by default. */
    public static class Times {
        public String getReminderCycle() {
            return "R/PT4H";
        }

        public String getDecisionDeadline() {
            return "P3D";
        }
    }

    final RecordingDelegate remind = new RecordingDelegate();
    final RecordingDelegate confirmAtDeadline = new RecordingDelegate();
    final RecordingDelegate release = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("massTerminationTimes", new Times());
        Mocks.register("confirmTerminationWaveListener", (TaskListener) task -> { });
        Mocks.register("remindAdminsOfWaveDelegate", remind);
        Mocks.register("confirmWaveAtDeadlineDelegate", confirmAtDeadline);
        Mocks.register("releaseWaveMembersDelegate", release);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance openWave() {
        ProcessInstance wave = runtimeService().startProcessInstanceByKey(TerminationWaveVariables.PROCESS, "wave-1");
        assertThat(wave).as("the task is made in a job of its own, not in the held departure's transaction")
                .isWaitingAt("Task_ConfirmTerminationWave");
        execute(job(wave, "Task_ConfirmTerminationWave"));
        return wave;
    }

    Job job(ProcessInstance wave, String activityId) {
        return managementService().createJobQuery().processInstanceId(wave.getId()).activityId(activityId).singleResult();
    }

    @Test
    void anAdministratorsDecisionReleasesTheHeldDepartures() {
        ProcessInstance wave = openWave();
        assertThat(wave).isWaitingAt("Task_ConfirmTerminationWave");
        assertThat(task(wave)).as("offered by its listener, to the administrators who may decide").isNotNull();

        complete(task(wave), Map.of(TerminationWaveVariables.DECISION, "CONFIRM"));

        assertThat(wave).isWaitingAt("Task_ReleaseWaveMembers");
        execute(job(wave, "Task_ReleaseWaveMembers"));
        assertThat(release.calls()).hasSize(1);
        assertThat(wave).hasPassedInOrder("Task_ConfirmTerminationWave", "Gateway_WaveDecided",
                "Task_ReleaseWaveMembers", "EndEvent_WaveDecided").isEnded();
        assertThat(confirmAtDeadline.calls()).isEmpty();
    }

    @Test
    void theAdministratorsAreRemindedEveryFourHoursWhileTheTaskWaits() {
        ProcessInstance wave = openWave();

        for (int reminder = 1; reminder <= 2; reminder++) {
            Job timer = managementService().createJobQuery().processInstanceId(wave.getId())
                    .activityId("Timer_WaveReminder").singleResult();
            assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(4L * reminder))));
            ClockUtil.setCurrentTime(timer.getDuedate());
            execute(timer);
            assertThat(remind.calls()).hasSize(reminder);
            assertThat(wave).isWaitingAt("Task_ConfirmTerminationWave");
        }
        assertThat(release.calls()).isEmpty();
    }

    @Test
    void undecidedByTheDeadlineTheWaveIsConfirmedSoNoHeldDepartureIsStranded() {
        ProcessInstance wave = openWave();
        Job deadline = managementService().createJobQuery().processInstanceId(wave.getId())
                .activityId("Timer_WaveDeadline").singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(3))));
        assertThat(taskService().createTaskQuery().processInstanceId(wave.getId()).singleResult().getDueDate())
                .as("Tasklist shows the deadline").isEqualTo(deadline.getDuedate());

        ClockUtil.setCurrentTime(deadline.getDuedate());
        execute(deadline);

        assertThat(confirmAtDeadline.calls()).hasSize(1);
        execute(job(wave, "Task_ReleaseWaveMembers"));
        assertThat(wave).hasPassedInOrder("Timer_WaveDeadline", "Task_ConfirmWaveAtDeadline", "Gateway_WaveDecided",
                "Task_ReleaseWaveMembers").isEnded();
        assertThat(release.calls()).hasSize(1);
    }
}
