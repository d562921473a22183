package org.tokengov.accessreview;

import static org.tokengov.accessreview.AccessReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts one project's review: its PIs from REDCap (asynchronous, so an outage is retried), its live tokens, and the
 * holders' API rights enabled in REDCap against those their calls used.
 * Every variable of the review is set local to this project's sub-process instance, the answer's too, so that the
 * task's completion writes there and parallel reviews of other projects keep their own values.
 */
@Component("findProjectPisDelegate")
class FindProjectPisDelegate implements JavaDelegate {

    private final AccessReviews reviews;
    private final MinimumNecessaryAccess rights;

    FindProjectPisDelegate(AccessReviews reviews, MinimumNecessaryAccess rights) {
        this.reviews = reviews;
        this.rights = rights;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewedProject project = project(execution);
        AccessReviews.ProjectAccess access = reviews.find(project);
        execution.setVariableLocal(ENVIRONMENT, Variables.stringValue(project.environment().name()));
        execution.setVariableLocal(PROJECT_ID, Variables.longValue(project.projectId()));
        execution.setVariableLocal(PROJECT_PIS, Variables.stringValue(String.join(",", access.pis())));
        execution.setVariableLocal(TOKEN_HOLDERS, Variables.stringValue(String.join(",", access.holders())));
        execution.setVariableLocal(TOKEN_HOLDERS_TEXT, Variables.stringValue(access.holdersText()));
        MinimumNecessaryAccess.Listing listing = rights.list(project, access.holders());
        execution.setVariableLocal(HOLDER_API_RIGHTS, Variables.stringValue(listing.enabled().encode()));
        execution.setVariableLocal(API_RIGHTS_TEXT, Variables.stringValue(listing.text()));
        execution.setVariableLocal(USERNAMES_TO_REVOKE, Variables.stringValue(""));
        execution.setVariableLocal(USERNAMES_TO_END_PROJECT_ACCESS, Variables.stringValue(""));
        execution.setVariableLocal(RIGHTS_TO_REDUCE, Variables.stringValue(""));
        execution.setVariableLocal(ACCESS_REVIEWED, Variables.booleanValue(false));
        execution.setVariableLocal(REVIEWED_BY, Variables.stringValue(null));
        execution.setVariableLocal(REVIEW_TASK_ID, Variables.stringValue(null));
    }
}
