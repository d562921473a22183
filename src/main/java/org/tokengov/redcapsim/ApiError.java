package org.tokengov.redcapsim;

import org.springframework.http.HttpStatus;

/** A refused API call: the status and message REDCap answers with. */
final class ApiError extends RuntimeException {

    private final HttpStatus status;

    private ApiError(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, message);
    }

    static ApiError forbidden(String message) {
        return new ApiError(HttpStatus.FORBIDDEN, message);
    }

    HttpStatus status() {
        return status;
    }
}
