package org.tokengov.accessreview;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The access review's timer settings as the BPMN reads them ({@code ${accessReviewSchedule.cycle}}). */
@Component("accessReviewSchedule")
public class AccessReviewSchedule {

    private final AccessReviewProperties properties;

    public AccessReviewSchedule(AccessReviewProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.schedule();
    }

    /** ISO 8601 duration from the task's creation to the reminder. */
    public String getReminderDue() {
        return properties.reviewDeadline().toString();
    }

    /** The review task's due date, shown in Tasklist: the deadline from now (engine time). */
    public Date getReviewDueDate() {
        return Date.from(ClockUtil.now().toInstant().plus(properties.reviewDeadline()));
    }

    /** ISO 8601 duration from the task's creation to the escalation: the deadline plus the escalation period. */
    public String getEscalationDue() {
        return properties.reviewDeadline().plus(properties.escalationAfter()).toString();
    }
}
