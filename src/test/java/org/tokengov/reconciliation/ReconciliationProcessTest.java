package org.tokengov.reconciliation;

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

/** ReconciliationProcess: the timer every cycle, an administrator's start, and a REDCap outage as retries. */
@Deployment(resources = "bpmn/ReconciliationProcess.bpmn")
class ReconciliationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    RuntimeException failure;
    RecordingDelegate reconcile = new RecordingDelegate(execution -> {
        if (failure != null) {
            throw failure;
        }
    });

    public static class Schedule {
        public String getCycle() {
            return "R/PT15M";
        }
    }

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("reconciliationSchedule", new Schedule());
        Mocks.register("reconcileWithRedcapDelegate", reconcile);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    Job timerStart() {
        return managementService().createJobQuery().processDefinitionKey("ReconciliationProcess").timers().singleResult();
    }

    @Test
    void theTimerStartsAReconciliationEveryCycle() {
        Job first = timerStart();
        assertThat(first.getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(900)));

        ClockUtil.setCurrentTime(first.getDuedate());
        managementService().executeJob(first.getId());
        ProcessInstance run = runtimeService().createProcessInstanceQuery().processDefinitionKey("ReconciliationProcess")
                .singleResult();
        assertThat(run).isWaitingAt("Task_ReconcileWithRedcap");
        managementService().executeJob(managementService().createJobQuery().processInstanceId(run.getId()).singleResult().getId());

        assertThat(run).isEnded().hasPassed("StartEvent_ReconciliationDue", "EndEvent_Reconciled");
        assertThat(reconcile.calls()).hasSize(1);
        assertThat(timerStart().getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(1800)));
    }

    @Test
    void anAdministratorStartsOneAtOnce() {
        ProcessInstance run = runtimeService().startProcessInstanceByKey("ReconciliationProcess");

        assertThat(run).isWaitingAt("Task_ReconcileWithRedcap");
        managementService().executeJob(managementService().createJobQuery().processInstanceId(run.getId()).singleResult().getId());
        assertThat(run).isEnded().hasPassed("StartEvent_ReconciliationDue", "EndEvent_Reconciled");
    }

    @Test
    void aRedcapOutageIsRetriedNotLost() {
        failure = new RedcapUnavailableException("REDCap PROD's database is down");
        ProcessInstance run = runtimeService().startProcessInstanceByKey("ReconciliationProcess");
        Job job = managementService().createJobQuery().processInstanceId(run.getId()).singleResult();

        try {
            managementService().executeJob(job.getId());
        } catch (RuntimeException expected) {
            // the job keeps its retries
        }
        Job retried = managementService().createJobQuery().processInstanceId(run.getId()).singleResult();
        assertThat(retried.getRetries()).isLessThan(job.getRetries());
        assertThat(retried.getExceptionMessage()).contains("REDCap PROD's database is down");
        assertThat(run).isWaitingAt("Task_ReconcileWithRedcap");
    }
}
