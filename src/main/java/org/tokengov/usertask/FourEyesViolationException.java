package org.tokengov.usertask;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Someone tried to act on a task that is not theirs to act on: their own request, a case they reviewed, or a task of
 * someone else. REST and Tasklist answer 403 with the message, which names the person and the task in plain words.
 */
public class FourEyesViolationException extends AuthorizationException {

    public FourEyesViolationException(String message) {
        super(message);
    }
}
