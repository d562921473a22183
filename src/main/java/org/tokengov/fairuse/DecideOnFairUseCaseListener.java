package org.tokengov.fairuse;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.identity.ContractGroups;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.Exclusions;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.GroupDecisionTaskListener;
import org.tokengov.usertask.TaskCandidates;

/**
 * {@code Task_DecideOnFairUseCase}: a REDCap administrator other than the token's holder dismisses the case, warns
 * the holder or suspends the token, always saying why. The decision is recorded in the case, where the process's
 * gateway reads it; who may act is checked at every claim, assignment, candidate change and completion.
 */
@Component("decideOnFairUseCaseListener")
class DecideOnFairUseCaseListener extends GroupDecisionTaskListener {

    private final FairUseCaseSteps steps;

    DecideOnFairUseCaseListener(FourEyes fourEyes, TaskCandidates candidates, FairUseCaseSteps steps) {
        super(fourEyes, candidates);
        this.steps = steps;
    }

    private static String caseId(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    @Override
    protected String group() {
        return ContractGroups.ADMINS;
    }

    @Override
    protected Exclusions excluded(DelegateTask task) {
        return new Exclusions().exclude(steps.caseOf(caseId(task)).holder(), "it concerns their own token");
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return new AuditRef(null, steps.caseOf(caseId(task)).tokenId());
    }

    @Override
    protected void show(DelegateTask task) {
        task.setVariablesLocal(steps.facts(steps.caseOf(caseId(task)), true));
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return DecisionForm.problems(task, FairUseCaseVariables.DECISION, "Decision", FairUseDecision.class, null,
                FairUseCaseVariables.COMMENTS);
    }

    @Override
    protected void completed(DelegateTask task, String admin) {
        steps.decide(caseId(task), DecisionForm.decision(task, FairUseCaseVariables.DECISION, FairUseDecision.class),
                admin, DecisionForm.comments(task, FairUseCaseVariables.COMMENTS));
    }
}
