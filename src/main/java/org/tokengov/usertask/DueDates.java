package org.tokengov.usertask;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.springframework.stereotype.Component;

/**
 * A task's due date for the BPMN ({@code camunda:dueDate="${dueDates.after(requestTimeouts.reviewDeadline)}"}): the
 * moment the step's deadline timer fires, computed as the engine computes that timer when the task is created, so that
 * Tasklist shows people the real deadline.
 */
@Component("dueDates")
public class DueDates {

    /** Now on the engine's clock plus an ISO 8601 duration ({@code P14D}). */
    public Date after(String isoDuration) {
        try {
            return new DurationHelper(isoDuration).getDateAfter();
        } catch (Exception e) {
            throw new IllegalArgumentException("Not an ISO 8601 duration: " + isoDuration, e);
        }
    }
}
