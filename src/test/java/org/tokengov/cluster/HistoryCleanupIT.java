package org.tokengov.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;

/**
 * Camunda's history cleanup as configured for production: a nightly window, history kept P2190D (6 years). When it
 * removes a request's engine history, the app's own audit entries of that request stay (the audit table is the 6-year
 * record, whatever the engine's cleanup does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
class HistoryCleanupIT {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired AuditTrail audit;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theCleanupRunsInANightlyWindowAndKeepsHistorySixYears() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P2190D");
        assertThat(history.findHistoryCleanupJobs()).as("scheduled at start, for the window").isNotEmpty()
                .allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    }

    @Test
    void theEnginesCleanupRemovesARequestsHistoryButNotItsAuditEntries() {
        // An ineligible requester: the request ends at once, with audit entries of the app and engine history.
        String requestId = new PipelineDriver(runtime, tasks, identity, management).submitRequest("carol").getId();
        Jobs.runDue(management);
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(requestId)
                .singleResult();
        assertThat(ended.getEndTime()).as("the request ended").isNotNull();
        assertThat(ended.getRemovalTime()).as("kept six years").isAfter(new Date(ended.getEndTime().getTime()
                + 2189L * 24 * 3600 * 1000));
        List<AuditEntry> entries = audit.ofRequest(requestId);
        assertThat(entries).extracting(AuditEntry::action).contains(AuditAction.REQUEST_SUBMITTED);

        ClockUtil.setCurrentTime(new Date(ended.getRemovalTime().getTime() + 24L * 3600 * 1000));
        runCleanup();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(requestId).count())
                .as("the engine's history is gone").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(requestId).count()).isZero();
        assertThat(audit.ofRequest(requestId)).as("the app's audit entries stay").isEqualTo(entries);
    }

    /** What the job executor does in the window: the cleanup job, now, until it finds nothing more to remove. */
    private void runCleanup() {
        history.cleanUpHistoryAsync(true);
        for (int round = 0; round < 20; round++) {
            List<Job> due = history.findHistoryCleanupJobs().stream()
                    .filter(job -> job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
