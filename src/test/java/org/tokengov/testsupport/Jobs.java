package org.tokengov.testsupport;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs due jobs in the test's thread, as the job executor would, so integration tests are deterministic. */
public final class Jobs {

    private Jobs() {
    }

    /**
     * Runs the jobs that enter {@code activityId} in the process instance: reviews and approvals are entered
     * asynchronously, so their task exists once that job ran. Other jobs (timers) are left alone.
     */
    public static void enter(ManagementService management, String processInstanceId, String activityId) {
        management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    /** Executes due jobs with retries left until none remain; a failing job fails the call. */
    public static void runDue(ManagementService management) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming: is a process looping?");
    }
}
