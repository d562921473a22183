package org.tokengov.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The app API's refusals, each answered with its status and a message a person can act on. */
@RestControllerAdvice(assignableTypes = {TokenRegistryController.class, TokenActionsController.class,
        AuditController.class, OffboardingReportController.class, OnboardingController.class,
        AccessOnDateController.class, TokenEvidenceController.class, SuccessorController.class,
        RequestsController.class, LeakScanController.class, FairUseFindingsController.class})
class ApiErrors {

    record Problem(String error) {
    }

    static class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }

    static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    static class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    static class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    static class NotAuthenticated extends RuntimeException {
        NotAuthenticated() {
            super("Authenticate with HTTP Basic.");
        }
    }

    @ExceptionHandler(BadRequest.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Problem badRequest(RuntimeException e) {
        return new Problem(e.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    Problem forbidden(RuntimeException e) {
        return new Problem(e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Problem notFound(RuntimeException e) {
        return new Problem(e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    Problem conflict(RuntimeException e) {
        return new Problem(e.getMessage());
    }

    @ExceptionHandler(Unavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    Problem unavailable(RuntimeException e) {
        return new Problem(e.getMessage());
    }

    @ExceptionHandler(NotAuthenticated.class)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    Problem notAuthenticated(RuntimeException e) {
        return new Problem(e.getMessage());
    }
}
