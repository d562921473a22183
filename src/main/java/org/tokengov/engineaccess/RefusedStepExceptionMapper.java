package org.tokengov.engineaccess;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's REST APIs (both {@code /engine-rest} and the webapps' engine API) report an exception thrown by a task
 * listener as 500. When a listener or the command guard refused a step on purpose (invalid form values, four eyes,
 * the wrong person), the caller gets 400 or 403 with that refusal's own sentence instead, and the log one line.
 * Anything else stays with Camunda's own exception handlers. One subclass per exception type Camunda maps, because
 * JAX-RS picks the mapper of the nearest type and only then looks at the priority.
 */
public abstract class RefusedStepExceptionMapper<E extends Exception> implements ExtendedExceptionMapper<E> {

    private static final Logger log = LoggerFactory.getLogger(RefusedStepExceptionMapper.class);

    @Context
    private HttpServletRequest request;

    @Override
    public boolean isMappable(E exception) {
        return Refusals.toAnswer(exception).isPresent();
    }

    @Override
    public Response toResponse(E exception) {
        Throwable refusal = Refusals.toAnswer(exception).orElseThrow();
        int status = Refusals.status(refusal);
        if (request != null) {
            log.info("Refused {} {} of {} ({}): {}", request.getMethod(), request.getRequestURI(),
                    request.getAttribute(EngineAccessFilter.CALLER), status, refusal.getMessage());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Refusals.body(refusal)).build();
    }

    /** Task completion and form submission: Camunda wraps the engine's exception in a RestException. */
    @Provider
    @Priority(1)
    public static class ForRestException extends RefusedStepExceptionMapper<RestException> {
    }

    /** Claim, start and other calls without their own handling: the refusal arrives as (or wrapped by) the engine's exception. */
    @Provider
    @Priority(1)
    public static class ForProcessEngineException extends RefusedStepExceptionMapper<ProcessEngineException> {
    }
}
