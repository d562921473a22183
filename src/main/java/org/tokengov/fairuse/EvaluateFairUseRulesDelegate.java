package org.tokengov.fairuse;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Evaluates the rules on the counts and records what they found; drops counts older than their retention. */
@Component("evaluateFairUseRulesDelegate")
class EvaluateFairUseRulesDelegate implements JavaDelegate {

    private final FairUseMonitor monitor;
    private final Clock clock;

    EvaluateFairUseRulesDelegate(FairUseMonitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FairUseMonitor.Evaluation evaluation = monitor.evaluate(clock.instant());
        execution.setVariable(FairUseMonitorVariables.USERS_WITH_CALLS, (long) evaluation.tokensWithCalls());
        execution.setVariable(FairUseMonitorVariables.NEW_FINDINGS, (long) evaluation.newFindings().size());
        execution.setVariable(FairUseMonitorVariables.CASES_OPENED, (long) evaluation.casesOpened());
    }
}
