package org.tokengov.accessreview;

import static org.tokengov.accessreview.AccessReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Still unanswered after the escalation period: the REDCap administrators are told and may answer the task too. */
@Component("escalateAccessReviewDelegate")
class EscalateAccessReviewDelegate implements JavaDelegate {

    private final AccessReviews reviews;

    EscalateAccessReviewDelegate(AccessReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.escalate(project(execution), projectPis(execution), text(execution, REVIEW_TASK_ID));
    }
}
