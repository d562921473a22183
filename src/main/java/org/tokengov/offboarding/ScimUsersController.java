package org.tokengov.offboarding;

import static org.tokengov.offboarding.ScimException.INVALID_VALUE;
import static org.tokengov.offboarding.ScimException.badRequest;

import java.math.BigInteger;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tokengov.input.PlainText;

/**
 * The SCIM 2.0 Users endpoint (RFC 7644) as Microsoft Entra's and Okta's provisioning connectors call it: find a user by
 * filter, create one (recorded only, see {@link ScimProvisioning}), read one, deactivate ({@code PATCH active=false})
 * or delete one, which reports a termination, reactivate one, a rehire. Every request carries the configured bearer
 * token; refusals store nothing.
 */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {

    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");
    /** The most users one page holds, as ServiceProviderConfig's filter.maxResults says. */
    static final int MAX_RESULTS = 200;

    private final ScimProvisioning provisioning;
    private final ScimProperties properties;

    ScimUsersController(ScimProvisioning provisioning, ScimProperties properties) {
        this.provisioning = provisioning;
        this.properties = properties;
    }

    @GetMapping
    ResponseEntity<ScimListResponse<ScimUser>> query(@RequestParam(name = "filter", required = false) String filter,
            @RequestParam(name = "startIndex", required = false) String startIndex,
            @RequestParam(name = "count", required = false) String count,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ScimBearerCheck.require(properties, authorization);
        Optional<ScimFilter> parsed = Optional.ofNullable(filter).filter(text -> !text.isBlank()).map(ScimFilter::parse);
        // RFC 7644 §3.4.2.4: a startIndex below 1 means 1, a negative count 0.
        int first = Math.max(1, whole(startIndex, "startIndex", 1));
        int size = Math.min(MAX_RESULTS, Math.max(0, whole(count, "count", MAX_RESULTS)));
        return ResponseEntity.ok().contentType(SCIM_JSON)
                .body(provisioning.query(parsed, first, size).map(ScimUsersController::located));
    }

    @PostMapping
    ResponseEntity<ScimUser> create(RequestEntity<byte[]> request) {
        ScimBearerCheck.require(properties, request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        checkContentType(request.getHeaders().getContentType());
        ScimUser created = located(provisioning.create(ScimNewUser.read(request.getBody())));
        return ResponseEntity.created(URI.create(created.meta().location())).contentType(SCIM_JSON).body(created);
    }

    @GetMapping("/{id}")
    ResponseEntity<ScimUser> get(@PathVariable("id") String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ScimBearerCheck.require(properties, authorization);
        ScimUser user = provisioning.find(id).orElseThrow(() -> ScimException.notFound("User " + id));
        return ResponseEntity.ok().contentType(SCIM_JSON).body(located(user));
    }

    /** The id is the one given at creation, or a username (what worked before users could be created here). */
    @PatchMapping("/{id}")
    ResponseEntity<ScimUser> patch(@PathVariable("id") String id, RequestEntity<byte[]> request) {
        ScimBearerCheck.require(properties, request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        checkUsername(id);
        checkContentType(request.getHeaders().getContentType());
        Optional<Boolean> active = ScimPatch.activeAfter(request.getBody());
        ScimUser user = provisioning.patchActive(id, active);
        return ResponseEntity.ok().contentType(SCIM_JSON).body(user.recordedHere() ? located(user) : user);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ScimBearerCheck.require(properties, authorization);
        checkUsername(id);
        provisioning.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static ScimUser located(ScimUser user) {
        return user.locatedAt(ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2/Users/{id}")
                .buildAndExpand(user.id()).toUriString());
    }

    /** A whole number, one beyond int's range taken as int's end (the caller clamps it anyway). */
    private static int whole(String value, String parameter, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String digits = value.trim();
        if (!digits.matches("[-+]?\\d{1,100}")) {
            throw badRequest(INVALID_VALUE, parameter + " must be a whole number.");
        }
        return new BigInteger(digits).max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE))
                .intValue();
    }

    private static void checkUsername(String username) {
        if (username.isBlank() || username.length() > ScimNewUser.MAX_USERNAME_LENGTH || !PlainText.isPlain(username)) {
            throw badRequest(INVALID_VALUE, "The user id must be a username of 1 to "
                    + ScimNewUser.MAX_USERNAME_LENGTH + " characters without control characters.");
        }
    }

    private static void checkContentType(MediaType contentType) {
        if (contentType == null || !(contentType.equalsTypeAndSubtype(SCIM_JSON)
                || contentType.equalsTypeAndSubtype(MediaType.APPLICATION_JSON))) {
            throw ScimException.unsupportedContentType();
        }
    }
}
