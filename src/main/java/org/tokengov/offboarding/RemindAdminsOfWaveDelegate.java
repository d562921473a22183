package org.tokengov.offboarding;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RemindAdminsOfWave}: offers the waiting wave decision again to the administrators who may give it
 * (people who joined the group since see it too) and reminds them, or its assignee.
 */
@Component("remindAdminsOfWaveDelegate")
class RemindAdminsOfWaveDelegate implements JavaDelegate {

    static final String WAITING_TASK = "Task_ConfirmTerminationWave";

    private final TerminationWaves waves;
    private final ConfirmTerminationWaveListener decision;

    RemindAdminsOfWaveDelegate(TerminationWaves waves, ConfirmTerminationWaveListener decision) {
        this.waves = waves;
        this.decision = decision;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Context.getCommandContext().getTaskManager().findTasksByProcessInstanceId(execution.getProcessInstanceId())
                .stream().filter(task -> WAITING_TASK.equals(task.getTaskDefinitionKey())).findFirst()
                .ifPresent(task -> {
                    decision.show(task); // the wave grew since the task was made
                    waves.remind(execution.getProcessBusinessKey(),
                            List.copyOf(task.getAssignee() != null ? List.of(task.getAssignee()) : decision.reoffer(task)),
                            task.getId());
                });
    }
}
