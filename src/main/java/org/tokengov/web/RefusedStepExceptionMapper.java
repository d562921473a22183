package org.tokengov.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Camunda's REST API reports an exception thrown by a task listener as 500. When a listener refused a step on
 * purpose (invalid form values, a four-eyes violation), the caller gets 400 or 403 with our message instead.
 * Anything else stays with Camunda's own exception handlers. One subclass per exception type Camunda maps,
 * because JAX-RS picks the mapper of the nearest type and only then looks at the priority.
 */
abstract class RefusedStepExceptionMapper<E extends Exception> implements ExtendedExceptionMapper<E> {

    @Override
    public boolean isMappable(E exception) {
        return refusal(exception).isPresent();
    }

    @Override
    public Response toResponse(E exception) {
        Throwable refusal = refusal(exception).orElseThrow();
        Response.Status status = refusal instanceof AuthorizationException ? Response.Status.FORBIDDEN : Response.Status.BAD_REQUEST;
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", refusal.getClass().getSimpleName(), "message", refusal.getMessage()))
                .build();
    }

    private static Optional<Throwable> refusal(Throwable exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException || cause instanceof AuthorizationException) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    /** Task completion: Camunda wraps the listener's exception in a RestException. */
    @Provider
    @Priority(1)
    static class ForRestException extends RefusedStepExceptionMapper<RestException> {
    }

    /** Claim and other calls without their own handling: the listener's exception arrives wrapped by the engine. */
    @Provider
    @Priority(1)
    static class ForProcessEngineException extends RefusedStepExceptionMapper<ProcessEngineException> {
    }
}
