package org.tokengov.request;

import org.camunda.bpm.engine.AuthorizationException;

/** Someone tried to claim or complete a review or approval they may not give. REST answers 403. */
public class FourEyesViolationException extends AuthorizationException {

    public FourEyesViolationException(String message) {
        super(message);
    }
}
