package org.tokengov.engineaccess;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Recognises a refusal in whatever the engine throws, and says it as the caller reads it. Listeners and the guard
 * refuse with {@link FormFieldValidationException} or {@link BadUserRequestException} (400) or an
 * {@link AuthorizationException} (403); the engine wraps a listener's exception in its own ("ENGINE-03051 ...
 * TaskListener ..."), so the innermost refusal is the one that speaks, with its own message.
 */
final class Refusals {

    private Refusals() {
    }

    static Optional<Throwable> innermost(Throwable thrown) {
        Throwable refusal = null;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isRefusal(cause)) {
                refusal = cause;
            }
        }
        return Optional.ofNullable(refusal);
    }

    /** Ours speak in plain words at any depth; Camunda's own at the top are left to Camunda's exception handlers. */
    static Optional<Throwable> toAnswer(Throwable thrown) {
        return innermost(thrown).filter(refusal -> refusal != thrown || isOurs(refusal));
    }

    /** 403 for what the caller may not do, 404 for what the engine did not find, 400 for the rest. */
    static int status(Throwable refusal) {
        if (refusal instanceof AuthorizationException) {
            return 403;
        }
        return refusal instanceof NotFoundException ? 404 : 400;
    }

    static Map<String, String> body(Throwable refusal) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", refusal.getClass().getSimpleName());
        body.put("message", refusal.getMessage());
        return body;
    }

    private static boolean isRefusal(Throwable thrown) {
        return thrown instanceof FormFieldValidationException || thrown instanceof AuthorizationException
                || thrown instanceof BadUserRequestException;
    }

    private static boolean isOurs(Throwable refusal) {
        return refusal instanceof EngineAccessRefusedException || refusal instanceof FormInputRefusedException;
    }
}
