package org.tokengov.lifecycle;

import static org.tokengov.lifecycle.TokenLifecycleVariables.*;
import static org.tokengov.usertask.TaskNames.fact;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.tokengov.identity.ContractGroups;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.usertask.FormValues;

/**
 * {@code Task_RegenerateInControlCenter}, manual mode: a REDCap administrator other than the holder regenerates the
 * compromised token in the Control Center and confirms it; the ledger keeps who, which the restored rights require.
 */
@Component("regenerateInControlCenterListener")
class RegenerateInControlCenterListener extends TokenDecisionTaskListener {

    static final String TOKEN_CREATED_CONFIRMED = "tokenCreatedConfirmed";

    RegenerateInControlCenterListener(LifecycleTasks tasks) {
        super(tasks);
    }

    @Override
    protected String name(DelegateTask task) {
        return "Urgent: regenerate the " + fact(task, ENVIRONMENT) + " API token of " + fact(task, HOLDER)
                + " (project " + fact(task, PROJECT_ID) + ")";
    }

    @Override
    protected String group() {
        return ContractGroups.ADMINS;
    }

    @Override
    protected List<String> problems(DelegateTask task) {
        return Boolean.TRUE.equals(FormValues.asBoolean(task.getVariable(TOKEN_CREATED_CONFIRMED))) ? List.of()
                : List.of("Confirm that you regenerated the token in the Control Center.");
    }

    @Override
    protected void completed(DelegateTask task, String admin) {
        tasks.record(task, LedgerKind.REGENERATED_BY_HAND, null, admin, "reported by " + task.getVariable(REPORTED_BY));
    }
}
