package org.tokengov.fairuse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads what is new in REDCap's log, so the rules see the calls made until now. */
@Component("collectApiUsageDelegate")
class CollectApiUsageDelegate implements JavaDelegate {

    private final FairUseMonitor monitor;

    CollectApiUsageDelegate(FairUseMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        monitor.collect();
    }
}
