package org.tokengov.offboarding;

import static org.tokengov.offboarding.ScimException.INVALID_SYNTAX;
import static org.tokengov.offboarding.ScimException.INVALID_VALUE;
import static org.tokengov.offboarding.ScimException.NO_TARGET;
import static org.tokengov.offboarding.ScimException.badRequest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a SCIM PatchOp (RFC 7644 §3.5.2) for the one attribute offboarding acts on: the user's {@code active}
 * flag. Operations on other attributes are checked for syntax and otherwise ignored, as identity providers send
 * them along. Lenient where Microsoft Entra deviates from the RFC: op {@code "Replace"}, value {@code "False"}. Strict
 * where a lenient reader would have to guess: duplicate members (names are case-insensitive in SCIM, so
 * {@code "op"} and {@code "Op"} are the same), trailing data and members a PatchOp does not have are refused.
 */
final class ScimPatch {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String ACTIVE = "active";
    private static final String QUALIFIED_ACTIVE = ScimUser.SCHEMA + ":" + ACTIVE;
    private static final Set<String> PATCH_MEMBERS = Set.of("schemas", "operations");
    private static final Set<String> OPERATION_MEMBERS = Set.of("op", "path", "value");

    private ScimPatch() {
    }

    /** The value of {@code active} after all operations (the last one wins), empty if none touches it. */
    static Optional<Boolean> activeAfter(byte[] body) {
        JsonNode patch = ScimJson.parse(body, "a SCIM PatchOp");
        checkMembers(patch, PATCH_MEMBERS, "A PatchOp");
        if (!ScimJson.listsSchema(member(patch, "schemas"), SCHEMA)) {
            throw badRequest(INVALID_SYNTAX, "schemas must list " + SCHEMA + ".");
        }
        JsonNode operations = member(patch, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw badRequest(INVALID_SYNTAX, "Operations must be a non-empty array.");
        }
        Boolean active = null;
        for (JsonNode operation : operations) {
            Optional<Boolean> set = activeSetBy(operation);
            if (set.isPresent()) {
                active = set.get();
            }
        }
        return Optional.ofNullable(active);
    }

    /** Every member known and named once, ignoring case. */
    private static void checkMembers(JsonNode object, Set<String> known, String what) {
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            String name = member.getKey().toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                throw badRequest(INVALID_SYNTAX, what + " has no member \"" + member.getKey() + "\".");
            }
            if (!seen.add(name)) {
                throw badRequest(INVALID_SYNTAX, what + " names \"" + member.getKey() + "\" twice.");
            }
        }
    }

    private static Optional<Boolean> activeSetBy(JsonNode operation) {
        if (!operation.isObject()) {
            throw badRequest(INVALID_SYNTAX, "Each operation must be a JSON object.");
        }
        checkMembers(operation, OPERATION_MEMBERS, "An operation");
        JsonNode op = member(operation, "op");
        JsonNode path = member(operation, "path");
        JsonNode value = member(operation, "value");
        if (path != null && !path.isTextual()) {
            throw badRequest(INVALID_SYNTAX, "path must be a string.");
        }
        String verb = op != null && op.isTextual() ? op.asText().toLowerCase(Locale.ROOT) : "";
        switch (verb) {
            case "add", "replace" -> {
                if (value == null) {
                    throw badRequest(INVALID_SYNTAX, verb + " needs a value.");
                }
                if (path == null) {
                    return activeAmong(value);
                }
                return namesActive(path.asText()) ? Optional.of(bool(value)) : Optional.empty();
            }
            case "remove" -> {
                if (path == null) {
                    throw badRequest(NO_TARGET, "remove needs a path.");
                }
                if (namesActive(path.asText())) {
                    throw badRequest(INVALID_VALUE, "active cannot be removed: replace it with false or true.");
                }
                return Optional.empty();
            }
            default -> throw badRequest(INVALID_SYNTAX, "op must be add, remove or replace.");
        }
    }

    /** Without a path, the value holds attributes of the resource itself. */
    private static Optional<Boolean> activeAmong(JsonNode attributes) {
        if (!attributes.isObject()) {
            throw badRequest(INVALID_SYNTAX, "Without a path, value must be a JSON object of attributes.");
        }
        Boolean active = null;
        for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
            if (namesActive(attribute.getKey())) {
                active = bool(attribute.getValue());
            }
        }
        return Optional.ofNullable(active);
    }

    // Attribute names and schema URIs are case-insensitive in SCIM (RFC 7643 §2.1).
    private static boolean namesActive(String attribute) {
        String name = attribute.trim();
        return name.equalsIgnoreCase(ACTIVE) || name.equalsIgnoreCase(QUALIFIED_ACTIVE);
    }

    private static boolean bool(JsonNode value) {
        return ScimJson.bool(value, ACTIVE);
    }

    private static JsonNode member(JsonNode object, String name) {
        return ScimJson.member(object, name);
    }
}
