package org.tokengov.accessreview;

import static org.tokengov.accessreview.AccessReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReduceApiRights} (asynchronous: REDCap down is retried, the PI's answer stays): the holders' API rights
 * are lowered in REDCap to what the PI keeps, the answer read again as strictly as the task read it.
 */
@Component("reduceApiRightsDelegate")
class ReduceApiRightsDelegate implements JavaDelegate {

    private final MinimumNecessaryAccess access;

    ReduceApiRightsDelegate(MinimumNecessaryAccess access) {
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        access.reduce(project(execution), RightsReductions.read(execution.getVariable(RIGHTS_TO_REDUCE),
                names(text(execution, USERNAMES_TO_REVOKE)), holderRights(execution)), projectPis(execution),
                text(execution, REVIEWED_BY));
    }
}
