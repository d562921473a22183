package org.tokengov.requestbutton;

import org.springframework.stereotype.Component;

/** The request button's deadline as the BPMN reads it ({@code ${requestButtonSchedule.answerDeadline}}). */
@Component("requestButtonSchedule")
public class RequestButtonSchedule {

    private final RequestButtonProperties properties;

    RequestButtonSchedule(RequestButtonProperties properties) {
        this.properties = properties;
    }

    /** ISO 8601, e.g. {@code PT720H}. */
    public String getAnswerDeadline() {
        return properties.answerDeadline().toString();
    }
}
