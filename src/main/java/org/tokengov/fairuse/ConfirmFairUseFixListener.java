package org.tokengov.fairuse;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.usertask.DecisionForm;
import org.tokengov.usertask.FormValues;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyes.AuditRef;
import org.tokengov.usertask.PersonalTaskListener;
import org.tokengov.usertask.TaskCandidates;

/**
 * {@code Task_ConfirmFairUseFix}: the token's holder (from the case, never a variable) says what they changed so that
 * what the findings showed stops; the case closes as FIXED. Anyone else is refused at assignment and completion.
 */
@Component("confirmFairUseFixListener")
class ConfirmFairUseFixListener extends PersonalTaskListener {

    static final int FIX_MIN = 20;

    private final FairUseCaseSteps steps;

    ConfirmFairUseFixListener(FourEyes fourEyes, TaskCandidates candidates, FairUseCaseSteps steps) {
        super(fourEyes, candidates);
        this.steps = steps;
    }

    private FairUseCase caseOf(DelegateTask task) {
        return steps.caseOf(task.getExecution().getProcessBusinessKey());
    }

    @Override
    protected String person(DelegateTask task) {
        return caseOf(task).holder();
    }

    @Override
    protected String role() {
        return "who holds the token";
    }

    @Override
    protected AuditRef about(DelegateTask task) {
        return new AuditRef(null, caseOf(task).tokenId());
    }

    @Override
    protected void created(DelegateTask task) {
        task.setVariablesLocal(steps.facts(caseOf(task), false));
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        new FormValues(task, problems).text(FairUseCaseVariables.FIX_DESCRIPTION, "What you changed", FIX_MIN,
                DecisionForm.COMMENTS_MAX);
        return problems;
    }

    @Override
    protected void completed(DelegateTask task, String holder) {
        steps.confirmFix(task.getExecution().getProcessBusinessKey(), holder,
                task.getVariable(FairUseCaseVariables.FIX_DESCRIPTION).toString().strip());
    }
}
