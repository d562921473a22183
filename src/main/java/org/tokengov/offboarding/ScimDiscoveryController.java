package org.tokengov.offboarding;

import static org.tokengov.offboarding.ScimAttribute.bool;
import static org.tokengov.offboarding.ScimAttribute.complex;
import static org.tokengov.offboarding.ScimAttribute.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SCIM's discovery endpoints (RFC 7644 §4): what this service provider supports (PATCH and a filter on userName,
 * externalId or id; no bulk, sort, ETags or password changes), its one resource type, User, and the User attributes
 * kept here. Behind the same bearer token as the Users endpoint.
 */
@RestController
@RequestMapping("/scim/v2")
class ScimDiscoveryController {

    static final String SERVICE_PROVIDER_CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    private static final List<ScimAttribute> USER_ATTRIBUTES = List.of(
            string("userName", "The person's username in REDCap; unique, compared ignoring case.", true, false, "server"),
            complex("name", "The person's name.", false, List.of(
                    string("givenName", "Given name."),
                    string("familyName", "Family name."),
                    string("formatted", "The full name as displayed."))),
            string("displayName", "The name to display."),
            complex("emails", "Email addresses (at most 10).", true, List.of(
                    string("value", "The address."),
                    string("type", "work, home or other."),
                    bool("primary", "Whether this is the primary address."))),
            bool("active", "false: the person left; their API tokens are revoked."));

    private final ScimProperties properties;

    ScimDiscoveryController(ScimProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<Map<String, Object>> serviceProviderConfig(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ScimBearerCheck.require(properties, authorization);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("schemas", List.of(SERVICE_PROVIDER_CONFIG_SCHEMA));
        config.put("patch", Map.of("supported", true));
        config.put("bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
        config.put("filter", Map.of("supported", true, "maxResults", ScimUsersController.MAX_RESULTS));
        config.put("changePassword", Map.of("supported", false));
        config.put("sort", Map.of("supported", false));
        config.put("etag", Map.of("supported", false));
        config.put("authenticationSchemes", List.of(Map.of("type", "oauthbearertoken", "name", "OAuth Bearer Token",
                "description", "The bearer token configured as tokengov.scim.bearer-token (RFC 6750).",
                "specUri", "https://www.rfc-editor.org/info/rfc6750", "primary", true)));
        config.put("meta", meta("ServiceProviderConfig", "/ServiceProviderConfig"));
        return ok(config);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<ScimListResponse<Map<String, Object>>> resourceTypes(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ScimBearerCheck.require(properties, authorization);
        return ok(ScimListResponse.of(List.of(userResourceType())));
    }

    @GetMapping("/ResourceTypes/{id}")
    ResponseEntity<Map<String, Object>> resourceType(@PathVariable("id") String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ScimBearerCheck.require(properties, authorization);
        if (!ScimUser.RESOURCE_TYPE.equals(id)) {
            throw ScimException.notFound("ResourceType " + id);
        }
        return ok(userResourceType());
    }

    @GetMapping("/Schemas")
    ResponseEntity<ScimListResponse<Map<String, Object>>> schemas(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ScimBearerCheck.require(properties, authorization);
        return ok(ScimListResponse.of(List.of(userSchema())));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<Map<String, Object>> schema(@PathVariable("id") String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ScimBearerCheck.require(properties, authorization);
        if (!ScimUser.SCHEMA.equals(id)) {
            throw ScimException.notFound("Schema " + id);
        }
        return ok(userSchema());
    }

    private static Map<String, Object> userResourceType() {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("schemas", List.of(RESOURCE_TYPE_SCHEMA));
        type.put("id", ScimUser.RESOURCE_TYPE);
        type.put("name", ScimUser.RESOURCE_TYPE);
        type.put("endpoint", "/Users");
        type.put("description", "A person whose API tokens are revoked when they are deactivated or deleted.");
        type.put("schema", ScimUser.SCHEMA);
        type.put("schemaExtensions", List.of());
        type.put("meta", meta("ResourceType", "/ResourceTypes/" + ScimUser.RESOURCE_TYPE));
        return type;
    }

    private static Map<String, Object> userSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("schemas", List.of(SCHEMA_SCHEMA));
        schema.put("id", ScimUser.SCHEMA);
        schema.put("name", "User");
        schema.put("description", "The User attributes kept here; others a client sends are ignored.");
        schema.put("attributes", USER_ATTRIBUTES);
        schema.put("meta", meta("Schema", "/Schemas/" + ScimUser.SCHEMA));
        return schema;
    }

    private static Map<String, String> meta(String resourceType, String path) {
        return Map.of("resourceType", resourceType,
                "location", ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2" + path).toUriString());
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(ScimUsersController.SCIM_JSON).body(body);
    }
}
