package org.tokengov.offboarding;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.identity.ContractGroups;
import org.tokengov.offboarding.MassTerminationGuard.Wave;
import org.tokengov.offboarding.TerminationWaveVariables.WaveDecision;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.Exclusions;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.GroupDecisionTaskListener;
import org.tokengov.usertask.TaskCandidates;

/**
 * {@code Task_ConfirmTerminationWave}: a REDCap administrator who is not held in the wave themselves confirms it (the
 * held departures continue: token values deleted, lifecycles ended) or rejects it with a reason (the tokens are given
 * back). Who may act is checked at every claim, assignment, candidate change and completion, against the wave's
 * members as the app's tables hold them; the wave is the process's business key, never a variable.
 */
@Component("confirmTerminationWaveListener")
class ConfirmTerminationWaveListener extends GroupDecisionTaskListener {

    private final TerminationWaves waves;

    ConfirmTerminationWaveListener(FourEyes fourEyes, TaskCandidates candidates, TerminationWaves waves) {
        super(fourEyes, candidates);
        this.waves = waves;
    }

    private static String waveId(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    @Override
    protected String group() {
        return ContractGroups.ADMINS;
    }

    @Override
    protected Exclusions excluded(DelegateTask task) {
        return new Exclusions().excludeAll(Set.copyOf(waves.wave(waveId(task)).members()),
                "their own termination is held in the wave");
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return new AuditRef(null, null);
    }

    @Override
    protected void show(DelegateTask task) {
        Wave wave = waves.wave(waveId(task));
        task.setVariableLocal(TerminationWaveVariables.HELD, (long) wave.members().size());
        task.setVariableLocal(TerminationWaveVariables.MEMBERS, String.join(", ", wave.members()));
        task.setVariableLocal(TerminationWaveVariables.OPENED_AT, wave.openedAt().toString());
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return DecisionForm.problems(task, TerminationWaveVariables.DECISION, "Decision", WaveDecision.class,
                WaveDecision.CONFIRM, TerminationWaveVariables.COMMENTS);
    }

    @Override
    protected void completed(DelegateTask task, String admin) {
        waves.decide(waveId(task), DecisionForm.decision(task, TerminationWaveVariables.DECISION, WaveDecision.class),
                admin, DecisionForm.comments(task, TerminationWaveVariables.COMMENTS));
    }
}
