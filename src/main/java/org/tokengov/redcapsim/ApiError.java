package org.tokengov.redcapsim;

import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A refused API call: the status and message REDCap answers with, and the ERROR row REDCap logs for it, if it logs
 * one (only the token and rights checks do, REDCAP-FACTS.md 4).
 */
final class ApiError extends RuntimeException {

    private final HttpStatus status;
    private final transient LogEvent logged;

    private ApiError(HttpStatus status, String message, LogEvent logged) {
        super(message, null, false, false);
        this.status = status;
        this.logged = logged;
    }

    static ApiError badRequest(String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, message, null);
    }

    static ApiError forbidden(String message) {
        return new ApiError(HttpStatus.FORBIDDEN, message, null);
    }

    /** The same refusal, written to REDCap's log as this row before the answer goes out. */
    ApiError logged(LogEvent event) {
        return new ApiError(status, getMessage(), event);
    }

    HttpStatus status() {
        return status;
    }

    Optional<LogEvent> logEvent() {
        return Optional.ofNullable(logged);
    }
}
