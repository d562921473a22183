package org.tokengov.engineaccess;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Something a person may not do to the engine, whatever Camunda's authorizations say (HTTP 403). The message is one
 * sentence for that person: no engine codes, ids or class names.
 */
public class EngineAccessRefusedException extends AuthorizationException {

    public EngineAccessRefusedException(String sentence) {
        super(sentence);
    }
}
