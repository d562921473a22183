package org.tokengov.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A SCIM error response body (RFC 7644 §3.12); {@code scimType} only where the RFC defines one for the status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScimError(List<String> schemas, String status, String scimType, String detail) {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    ScimError(HttpStatus status, String scimType, String detail) {
        this(List.of(SCHEMA), Integer.toString(status.value()), scimType, detail);
    }
}
