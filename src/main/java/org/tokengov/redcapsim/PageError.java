package org.tokengov.redcapsim;

import org.springframework.http.HttpStatus;

/** A refusal of one of the simulated REDCap pages, answered as {@code {"error": …}} with its status. */
final class PageError extends RuntimeException {

    private final HttpStatus status;

    PageError(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static PageError badRequest(String message) {
        return new PageError(HttpStatus.BAD_REQUEST, message);
    }

    HttpStatus status() {
        return status;
    }
}
