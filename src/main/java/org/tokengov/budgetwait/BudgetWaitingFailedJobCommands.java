package org.tokengov.budgetwait;

import java.time.Duration;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/** What the engine does with a failed job: wait for a later budget window if the budget was spent, else as before. */
final class BudgetWaitingFailedJobCommands implements FailedJobCommandFactory {

    private final FailedJobCommandFactory otherFailures;
    private final Supplier<Duration> laterWindow;

    BudgetWaitingFailedJobCommands(FailedJobCommandFactory otherFailures, Supplier<Duration> laterWindow) {
        this.otherFailures = otherFailures;
        this.laterWindow = laterWindow;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        return SpentBudget.causedIt(exception) ? new WaitForLaterBudgetWindowCmd(jobId, laterWindow)
                : otherFailures.getCommand(jobId, exception);
    }
}
