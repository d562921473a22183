package org.tokengov.offboarding;

import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tokengov.input.PlainText;

/**
 * The SCIM 2.0 door for offboarding (RFC 7644): an identity provider deactivating ({@code PATCH active=false}) or
 * deleting a user reports a termination, reactivating one a rehire. The resource id is the username; users are
 * not provisioned here. Every request carries the configured bearer token; refusals store nothing.
 */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {

    static final String SOURCE = "SCIM";
    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");
    private static final int MAX_USERNAME_LENGTH = 191;

    private final OffboardingEvents events;
    private final ScimProperties properties;

    ScimUsersController(OffboardingEvents events, ScimProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    @PatchMapping("/{id}")
    ResponseEntity<ScimUser> patch(@PathVariable("id") String username, RequestEntity<byte[]> request) {
        authenticate(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        checkUsername(username);
        checkContentType(request.getHeaders().getContentType());
        Optional<Boolean> active = ScimPatch.activeAfter(request.getBody());
        active.ifPresent(isActive -> events.record(username, SOURCE, "SCIM: active set to " + isActive,
                isActive ? OffboardingEvent.REHIRED : OffboardingEvent.TERMINATED, null, null));
        return ResponseEntity.ok().contentType(SCIM_JSON).body(new ScimUser(username, active.orElse(null)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") String username,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        authenticate(authorization);
        checkUsername(username);
        events.record(username, SOURCE, "SCIM: user deleted", OffboardingEvent.TERMINATED, null, null);
        return ResponseEntity.noContent().build();
    }

    private void authenticate(String authorization) {
        if (!properties.configured()) {
            throw new ScimException(HttpStatus.SERVICE_UNAVAILABLE, null,
                    "SCIM intake is not configured (tokengov.scim.bearer-token).");
        }
        if (!ScimBearerCheck.admits(authorization, properties.bearerToken())) {
            throw new ScimException(HttpStatus.UNAUTHORIZED, null, "A valid bearer token is required.");
        }
    }

    private static void checkUsername(String username) {
        if (username.isBlank() || username.length() > MAX_USERNAME_LENGTH || !PlainText.isPlain(username)) {
            throw ScimException.badRequest(ScimException.INVALID_VALUE, "The user id must be a username of 1 to "
                    + MAX_USERNAME_LENGTH + " characters without control characters.");
        }
    }

    private static void checkContentType(MediaType contentType) {
        if (contentType == null || !(contentType.equalsTypeAndSubtype(SCIM_JSON)
                || contentType.equalsTypeAndSubtype(MediaType.APPLICATION_JSON))) {
            throw ScimException.unsupportedContentType();
        }
    }
}
