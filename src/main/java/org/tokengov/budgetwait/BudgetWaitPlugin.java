package org.tokengov.budgetwait;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RateBudget;

/**
 * Lets every job that found the REDCap rate budget spent wait for a later budget window instead of spending its
 * retries, due when the budget's next call frees (spread over a few seconds): the engine's failed-job handling is
 * wrapped, not replaced, so every other failure keeps Camunda's retry cycle and ends in an incident.
 */
@Component
class BudgetWaitPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory otherFailures = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory(new BudgetWaitingFailedJobCommands(
                otherFailures == null ? new DefaultFailedJobCommandFactory() : otherFailures,
                failure -> SpentBudget.nextSlotIn(failure).map(RateBudget::laterWindowWait)
                        .orElseGet(RateBudget::laterWindowWait)));
        QuietSpentBudget.install();
    }
}
