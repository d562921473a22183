package org.tokengov.budgetwait;

import java.time.Duration;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * What the engine does with a failed job: wait for a later budget window if the budget was spent (how long, from the
 * failure), else as before.
 */
final class BudgetWaitingFailedJobCommands implements FailedJobCommandFactory {

    private final FailedJobCommandFactory otherFailures;
    private final Function<Throwable, Duration> laterWindow;

    BudgetWaitingFailedJobCommands(FailedJobCommandFactory otherFailures, Function<Throwable, Duration> laterWindow) {
        this.otherFailures = otherFailures;
        this.laterWindow = laterWindow;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        return SpentBudget.causedIt(exception) ? new WaitForLaterBudgetWindowCmd(jobId, laterWindow.apply(exception))
                : otherFailures.getCommand(jobId, exception);
    }
}
