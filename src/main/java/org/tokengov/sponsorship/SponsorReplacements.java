package org.tokengov.sponsorship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A sponsor replacement's identity as the system set it: its business key, {@code <offboarding event id>:<external>},
 * never a variable a caller could change.
 */
final class SponsorReplacements {

    private SponsorReplacements() {
    }

    static String key(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    static String key(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    static String external(DelegateTask task) {
        return externalOf(key(task));
    }

    static String external(DelegateExecution execution) {
        return externalOf(key(execution));
    }

    private static String externalOf(String key) {
        return key.substring(key.indexOf(':') + 1);
    }
}
