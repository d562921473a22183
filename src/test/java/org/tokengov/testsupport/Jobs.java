package org.tokengov.testsupport;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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

    /**
     * As {@link #runDue}, with the jobs of each round spread over {@code threads} threads, as the job executor would:
     * for tests that start many process instances at once. Jobs of one process instance never run side by side here
     * (only one of them is due at a time in the processes this is used for); a failing job fails the call.
     */
    public static void runDueConcurrently(ManagementService management, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                List<Job> due = management.createJobQuery().executable().list();
                if (due.isEmpty()) {
                    return;
                }
                List<Future<?>> running = due.stream()
                        .map(job -> pool.submit(() -> management.executeJob(job.getId()))).collect(Collectors.toList());
                for (Future<?> job : running) {
                    job.get();
                }
            }
            throw new AssertionError("Jobs keep coming: is a process looping?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("A job failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
