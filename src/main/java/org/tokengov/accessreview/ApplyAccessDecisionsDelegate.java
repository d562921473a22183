package org.tokengov.accessreview;

import static org.tokengov.accessreview.AccessReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the review (asynchronous, so a failed revocation is retried rather than rolling back the PI's answer): the
 * named holders' tokens on the project are revoked, everyone else listed is kept, each decision audited.
 */
@Component("applyAccessDecisionsDelegate")
class ApplyAccessDecisionsDelegate implements JavaDelegate {

    private final AccessReviews reviews;

    ApplyAccessDecisionsDelegate(AccessReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccessReviewAnswer answer = AccessReviewAnswer.read(execution.getVariable(USERNAMES_TO_REVOKE),
                execution.getVariable(ACCESS_REVIEWED), tokenHolders(execution));
        reviews.apply(project(execution), answer, text(execution, REVIEWED_BY));
    }
}
