package org.tokengov.offboarding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every answer of the SCIM door that is not a success is a SCIM error body (RFC 7644 §3.12). */
@RestControllerAdvice(assignableTypes = {ScimUsersController.class, ScimDiscoveryController.class})
class ScimErrors {

    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<ScimError> answer(ScimException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(ScimUsersController.SCIM_JSON);
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return answer.body(e.error());
    }

    /** A Content-Type header that is not a media type at all, refused by Spring before the controller runs. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ScimError> unreadableContentType(HttpMediaTypeNotSupportedException e) {
        return answer(ScimException.unsupportedContentType());
    }

    /** The event could not be stored: the identity provider retries on a 5xx, so no offboarding is lost. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ScimError> failed(RuntimeException e) {
        log.error("A SCIM request could not be recorded", e);
        return answer(new ScimException(HttpStatus.INTERNAL_SERVER_ERROR, null,
                "The request could not be recorded; retry later."));
    }
}
