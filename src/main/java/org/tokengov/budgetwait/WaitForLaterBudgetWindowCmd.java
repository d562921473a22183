package org.tokengov.budgetwait;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a job that found the rate budget spent back in the queue, due in a later budget window: unlocked, its retries
 * and exception left as they were, so no incident can come of it however often it waits.
 */
final class WaitForLaterBudgetWindowCmd implements Command<Object> {

    private static final Logger log = LoggerFactory.getLogger(WaitForLaterBudgetWindowCmd.class);

    private final String jobId;
    private final Duration wait;

    WaitForLaterBudgetWindowCmd(String jobId, Duration wait) {
        this.jobId = jobId;
        this.wait = wait;
    }

    @Override
    public Object execute(CommandContext commandContext) {
        JobEntity job = commandContext.getJobManager().findJobById(jobId);
        if (job == null) {
            return null;
        }
        job.unlock();
        job.setDuedate(Date.from(ClockUtil.now().toInstant().plus(wait)));
        log.info("REDCap rate budget spent: job {} ({} of process instance {}) waits {} s for a later budget window",
                jobId, job.getActivityId(), job.getProcessInstanceId(), wait.toSeconds());
        return null;
    }
}
