package org.tokengov.accessreview;

import static org.tokengov.accessreview.AccessReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review deadline passed unanswered: the PIs are reminded; the task stays theirs. */
@Component("remindProjectPisDelegate")
class RemindProjectPisDelegate implements JavaDelegate {

    private final AccessReviews reviews;

    RemindProjectPisDelegate(AccessReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.remind(project(execution), projectPis(execution), text(execution, REVIEW_TASK_ID));
    }
}
