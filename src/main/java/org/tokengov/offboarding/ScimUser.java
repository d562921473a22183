package org.tokengov.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The minimal SCIM User resource (RFC 7643 §4.1) a PATCH is answered with. Identity lives elsewhere, so
 * {@code active} is only what the request itself said, and absent when it said nothing about it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScimUser(List<String> schemas, String id, String userName, Boolean active, Map<String, String> meta) {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    ScimUser(String username, Boolean active) {
        this(List.of(SCHEMA), username, username, active, Map.of("resourceType", "User"));
    }
}
