package org.tokengov.fairuse;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What FairUseCaseProcess's gateways, timer and assignee read: the case in the app's table, found by the process's
 * business key. Never a process or task variable, which people working on a task can set.
 */
@Component("fairUseCaseFacts")
public class FairUseCaseFacts {

    private final FairUseCases cases;

    FairUseCaseFacts(FairUseCases cases) {
        this.cases = cases;
    }

    /** Whether the holder is asked to fix it first (neither severe nor a repeat, decided when the case opened). */
    public boolean holderFirst(DelegateExecution execution) {
        return !caseOf(execution).adminsFirst();
    }

    /** The one person who confirms the fix: the token's holder. */
    public String holder(DelegateExecution execution) {
        return caseOf(execution).holder();
    }

    /** By when the holder confirms a fix. */
    public Date deadline(DelegateExecution execution) {
        return Date.from(caseOf(execution).deadline());
    }

    /** The administrators' decision ({@link FairUseDecision}'s name), as the decision task recorded it. */
    public String decision(DelegateExecution execution) {
        FairUseDecision decision = caseOf(execution).decision();
        if (decision == null) {
            throw new IllegalStateException("Fair-use case " + execution.getProcessBusinessKey() + " is not decided");
        }
        return decision.name();
    }

    private FairUseCase caseOf(DelegateExecution execution) {
        return cases.get(execution.getProcessBusinessKey());
    }
}
