package org.tokengov.fairuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.Date;
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
 * FairUseMonitorProcess: the timer every cycle reads REDCap's log, then evaluates the rules; an administrator starts
 * one at once; REDCap down is retried, and the rules are not evaluated on counts that missed the newest calls.
 */
@Deployment(resources = "bpmn/FairUseMonitorProcess.bpmn")
class FairUseMonitorProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    RuntimeException collectFailure;
    RecordingDelegate collect = new RecordingDelegate(execution -> {
        if (collectFailure != null) {
            throw collectFailure;
        }
    });
    RecordingDelegate evaluate = new RecordingDelegate(execution -> execution.setVariable("newFindings", 2L));

    public static class Schedule {
        public String getCycle() {
            return "R/PT15M";
        }
    }

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("fairUseSchedule", new Schedule());
        Mocks.register("collectApiUsageDelegate", collect);
        Mocks.register("evaluateFairUseRulesDelegate", evaluate);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    Job timerStart() {
        return managementService().createJobQuery().processDefinitionKey("FairUseMonitorProcess").timers().singleResult();
    }

    void runNextJob(ProcessInstance run) {
        managementService().executeJob(managementService().createJobQuery().processInstanceId(run.getId()).singleResult()
                .getId());
    }

    @Test
    void theTimerCollectsThenEvaluatesEveryFifteenMinutes() {
        Job first = timerStart();
        assertThat(first.getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(900)));

        ClockUtil.setCurrentTime(first.getDuedate());
        managementService().executeJob(first.getId());
        ProcessInstance run = runtimeService().createProcessInstanceQuery().processDefinitionKey("FairUseMonitorProcess")
                .singleResult();
        assertThat(run).isWaitingAt("Task_CollectApiUsage");
        runNextJob(run);
        assertThat(collect.calls()).hasSize(1);
        assertThat(evaluate.calls()).as("the rules wait for their own job").isEmpty();
        assertThat(run).isWaitingAt("Task_EvaluateFairUseRules");
        runNextJob(run);

        assertThat(run).isEnded().hasPassed("StartEvent_FairUseDue", "Task_CollectApiUsage", "Task_EvaluateFairUseRules",
                "EndEvent_FairUseEvaluated");
        assertThat(evaluate.calls()).hasSize(1);
        assertThat(timerStart().getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(1800)));
    }

    @Test
    void anAdministratorStartsOneAtOnce() {
        ProcessInstance run = runtimeService().startProcessInstanceByKey("FairUseMonitorProcess");

        assertThat(run).isWaitingAt("Task_CollectApiUsage");
        runNextJob(run);
        runNextJob(run);
        assertThat(run).isEnded().hasPassed("EndEvent_FairUseEvaluated");
    }

    @Test
    void aRedcapOutageIsRetriedAndNothingIsEvaluatedMeanwhile() {
        collectFailure = new RedcapUnavailableException("REDCap PROD's database is down");
        ProcessInstance run = runtimeService().startProcessInstanceByKey("FairUseMonitorProcess");
        Job job = managementService().createJobQuery().processInstanceId(run.getId()).singleResult();

        try {
            managementService().executeJob(job.getId());
        } catch (RuntimeException expected) {
            // the job keeps its retries
        }
        Job retried = managementService().createJobQuery().processInstanceId(run.getId()).singleResult();
        assertThat(retried.getRetries()).isLessThan(job.getRetries());
        assertThat(retried.getExceptionMessage()).contains("REDCap PROD's database is down");
        assertThat(run).isWaitingAt("Task_CollectApiUsage");
        assertThat(evaluate.calls()).isEmpty();
    }
}
