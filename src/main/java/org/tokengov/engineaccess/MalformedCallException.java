package org.tokengov.engineaccess;

import org.camunda.bpm.engine.BadUserRequestException;

/** A call to an engine API that could be read in more than one way, or not at all (HTTP 400). */
class MalformedCallException extends BadUserRequestException {

    MalformedCallException(String sentence) {
        super(sentence);
    }
}
