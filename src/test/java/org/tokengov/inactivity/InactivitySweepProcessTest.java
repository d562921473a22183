package org.tokengov.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.List;
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

/** Every path of InactivitySweepProcess: the timer start, one or several batches, nothing to do, a REDCap outage. */
@Deployment(resources = "bpmn/InactivitySweepProcess.bpmn")
class InactivitySweepProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-03-10T01:00:00Z");

    /** The batch results the fake batch delegate hands out in turn: {checked, warned, revoked, more (0/1)}. */
    final ArrayDeque<int[]> batches = new ArrayDeque<>();
    RuntimeException failure;
    RecordingDelegate batchDelegate = new RecordingDelegate(execution -> {
        if (failure != null) {
            throw failure;
        }
        int[] batch = batches.removeFirst();
        Object cursor = execution.getVariable(InactivitySweepVariables.SWEEP_CURSOR);
        execution.setVariable(InactivitySweepVariables.SWEEP_CURSOR, "holder" + (cursor == null ? 1 : 2));
        execution.setVariable(InactivitySweepVariables.MORE_TOKENS, batch[3] == 1);
        add(execution, InactivitySweepVariables.TOKENS_CHECKED, batch[0]);
        add(execution, InactivitySweepVariables.WARNINGS_SENT, batch[1]);
        add(execution, InactivitySweepVariables.REVOCATIONS_REQUESTED, batch[2]);
    });
    RecordingDelegate results = new RecordingDelegate();

    public static class Schedule {
        public String getCycle() {
            return "0 0 2 * * ?";
        }

        public String getBatchInterval() {
            return "PT1M";
        }
    }

    static void add(org.camunda.bpm.engine.delegate.DelegateExecution execution, String name, long delta) {
        Object value = execution.getVariable(name);
        execution.setVariable(name, (value == null ? 0 : ((Number) value).longValue()) + delta);
    }

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("inactivitySweepSchedule", new Schedule());
        Mocks.register("checkTokenBatchDelegate", batchDelegate);
        Mocks.register("recordSweepResultDelegate", results);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    /** Fires the daily timer start event and returns the sweep it started. */
    ProcessInstance fireDailyTimer() {
        Job timer = managementService().createJobQuery().timers().singleResult();
        assertThat(timer).as("the timer start event is scheduled on deployment").isNotNull();
        assertThat(timer.getProcessInstanceId()).isNull();
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
        List<ProcessInstance> started = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(InactivitySweepVariables.PROCESS).list();
        assertThat(started).hasSize(1);
        return started.get(0);
    }

    @Test
    void theTimerStartsADailySweepAt2am() {
        Job timer = managementService().createJobQuery().timers().singleResult();
        assertThat(java.time.LocalDateTime.ofInstant(timer.getDuedate().toInstant(), java.time.ZoneId.systemDefault())
                .toLocalTime()).isEqualTo(java.time.LocalTime.of(2, 0));
        assertThat(timer.getDuedate()).isAfter(Date.from(NOW));

        ProcessInstance sweep = fireDailyTimer();

        assertThat(sweep).isWaitingAt("Task_CheckTokenBatch");
        Job next = managementService().createJobQuery().timers().singleResult();
        assertThat(next).as("the next day's timer").isNotNull();
        assertThat(next.getDuedate()).isAfter(ClockUtil.getCurrentTime());
    }

    @Test
    void nothingToDoEndsAfterOneEmptyBatch() {
        batches.add(new int[] {0, 0, 0, 0});
        ProcessInstance sweep = fireDailyTimer();
        assertThat(sweep).isWaitingAt("Task_CheckTokenBatch");

        execute(job());

        assertThat(sweep).hasPassedInOrder("StartEvent_SweepDue", "Task_CheckTokenBatch", "Gateway_MoreTokens",
                "Task_RecordSweepResult", "EndEvent_SweepDone").isEnded();
        assertThat(sweep).hasNotPassed("Timer_NextBatchWindow");
        assertThat(batchDelegate.calls()).hasSize(1);
        assertThat(batchDelegate.lastCall()).doesNotContainKey(InactivitySweepVariables.SWEEP_CURSOR);
        assertThat(results.lastCall()).containsEntry(InactivitySweepVariables.TOKENS_CHECKED, 0L);
    }

    @Test
    void moreTokensWaitForTheNextBudgetWindowAndContinueFromTheCursor() {
        batches.add(new int[] {60, 1, 2, 1});
        batches.add(new int[] {7, 0, 1, 0});
        ProcessInstance sweep = fireDailyTimer();
        assertThat(sweep).isWaitingAt("Task_CheckTokenBatch");

        execute(job());

        assertThat(sweep).isWaitingAt("Timer_NextBatchWindow");
        Job window = job();
        assertThat(window.getDuedate()).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(60)));
        ClockUtil.setCurrentTime(window.getDuedate());
        execute(window);
        assertThat(sweep).as("each batch is a job of its own").isWaitingAt("Task_CheckTokenBatch");
        execute(job());

        assertThat(sweep).isEnded();
        assertThat(batchDelegate.calls()).hasSize(2);
        assertThat(batchDelegate.lastCall()).containsEntry(InactivitySweepVariables.SWEEP_CURSOR, "holder1");
        assertThat(results.lastCall())
                .containsEntry(InactivitySweepVariables.TOKENS_CHECKED, 67L)
                .containsEntry(InactivitySweepVariables.WARNINGS_SENT, 1L)
                .containsEntry(InactivitySweepVariables.REVOCATIONS_REQUESTED, 3L);
    }

    @Test
    void aRedcapOutageLeavesTheBatchJobForRetry() {
        failure = new RedcapUnavailableException("rate budget exhausted for REDCap QA");
        ProcessInstance sweep = fireDailyTimer();
        assertThat(sweep).isWaitingAt("Task_CheckTokenBatch");
        Job batch = job();

        try {
            managementService().executeJob(batch.getId());
        } catch (RuntimeException expected) {
            // the job executor would record it and retry
        }

        assertThat(sweep).isWaitingAt("Task_CheckTokenBatch");
        Job failed = job();
        assertThat(failed.getExceptionMessage()).contains("rate budget exhausted");
        assertThat(failed.getRetries()).isLessThan(3);
        assertThat(sweep).isWaitingAt("Task_CheckTokenBatch");
        assertThat(results.calls()).isEmpty();
    }
}
