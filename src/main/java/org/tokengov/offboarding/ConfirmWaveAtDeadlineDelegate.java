package org.tokengov.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfirmWaveAtDeadline}: no administrator decided in time; the wave is confirmed, so that no held
 * departure waits for ever (HR reported them gone, and their tokens stayed refused all along).
 */
@Component("confirmWaveAtDeadlineDelegate")
class ConfirmWaveAtDeadlineDelegate implements JavaDelegate {

    private final TerminationWaves waves;

    ConfirmWaveAtDeadlineDelegate(TerminationWaves waves) {
        this.waves = waves;
    }

    @Override
    public void execute(DelegateExecution execution) {
        waves.confirmAtDeadline(execution.getProcessBusinessKey());
    }
}
