package org.tokengov.offboarding;

import org.springframework.http.HttpStatus;

/** A refused SCIM request; {@link ScimErrors} answers it with a SCIM error body. */
final class ScimException extends RuntimeException {

    static final String INVALID_SYNTAX = "invalidSyntax";
    static final String INVALID_VALUE = "invalidValue";
    static final String NO_TARGET = "noTarget";
    static final String INVALID_FILTER = "invalidFilter";
    static final String UNIQUENESS = "uniqueness";

    private final HttpStatus status;
    private final String scimType;

    ScimException(HttpStatus status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimException badRequest(String scimType, String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, scimType, detail);
    }

    static ScimException unsupportedContentType() {
        return new ScimException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null,
                "Send the body as application/scim+json or application/json.");
    }

    static ScimException notFound(String what) {
        return new ScimException(HttpStatus.NOT_FOUND, null, what + " not found.");
    }

    HttpStatus status() {
        return status;
    }

    ScimError error() {
        return new ScimError(status, scimType, getMessage());
    }
}
