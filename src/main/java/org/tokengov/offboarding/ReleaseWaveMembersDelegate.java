package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReleaseWaveMembers}: the wave is decided; every held departure waiting for it goes on (each reads the
 * decision from the database, not from the message).
 */
@Component("releaseWaveMembersDelegate")
class ReleaseWaveMembersDelegate implements JavaDelegate {

    private final TerminationWaves waves;

    ReleaseWaveMembersDelegate(TerminationWaves waves) {
        this.waves = waves;
    }

    @Override
    public void execute(DelegateExecution execution) {
        waves.release(execution.getProcessBusinessKey());
    }
}
