package org.tokengov.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A SCIM User resource (RFC 7643 §4.1) with the attributes kept here. A user a SCIM client created has them all; a
 * username that was never created here (deactivated by name, as before provisioning existed) is answered with the
 * minimal form, whose {@code active} is only what the request itself said.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScimUser(List<String> schemas, String id, String externalId, String userName, Name name, String displayName,
        List<Email> emails, Boolean active, Meta meta) {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String RESOURCE_TYPE = "User";

    ScimUser(String username, Boolean active) {
        this(List.of(SCHEMA), username, null, username, null, null, null, active, new Meta(RESOURCE_TYPE, null, null, null));
    }

    /** Created by a SCIM client and stored here, not only a username. */
    boolean recordedHere() {
        return meta.created() != null;
    }

    ScimUser locatedAt(String location) {
        return new ScimUser(schemas, id, externalId, userName, name, displayName, emails, active,
                new Meta(meta.resourceType(), meta.created(), meta.lastModified(), location));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Name(String givenName, String familyName, String formatted) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Email(String value, String type, Boolean primary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Meta(String resourceType, Instant created, Instant lastModified, String location) {
    }
}
