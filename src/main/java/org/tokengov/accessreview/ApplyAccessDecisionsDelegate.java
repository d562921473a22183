package org.tokengov.accessreview;

import static org.tokengov.accessreview.AccessReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the review (asynchronous, so a failed revocation is retried rather than rolling back the PI's answer): the
 * named holders' tokens on the project are revoked, everyone else listed is kept, each decision audited; those whose
 * project access ends too are reported as having left the project (an offboarding event of their own).
 */
@Component("applyAccessDecisionsDelegate")
class ApplyAccessDecisionsDelegate implements JavaDelegate {

    private final AccessReviews reviews;
    private final ProjectAccessEndings endings;

    ApplyAccessDecisionsDelegate(AccessReviews reviews, ProjectAccessEndings endings) {
        this.reviews = reviews;
        this.endings = endings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccessReviewAnswer answer = AccessReviewAnswer.read(execution.getVariable(USERNAMES_TO_REVOKE),
                execution.getVariable(ACCESS_REVIEWED), tokenHolders(execution));
        reviews.apply(project(execution), answer, text(execution, REVIEWED_BY));
        endings.end(project(execution), ProjectAccessEndings.read(execution.getVariable(USERNAMES_TO_END_PROJECT_ACCESS),
                answer.revoke(), project(execution)), text(execution, REVIEWED_BY));
    }
}
