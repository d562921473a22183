package org.tokengov.engineaccess;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission that is not what the step's form lets a person fill in: an unknown or read-only field, or a value
 * that is not plain (HTTP 400). The message is one sentence for that person.
 */
public class FormInputRefusedException extends BadUserRequestException {

    public FormInputRefusedException(String sentence) {
        super(sentence);
    }
}
