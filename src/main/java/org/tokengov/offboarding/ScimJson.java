package org.tokengov.offboarding;

import static org.tokengov.offboarding.ScimException.INVALID_SYNTAX;
import static org.tokengov.offboarding.ScimException.INVALID_VALUE;
import static org.tokengov.offboarding.ScimException.badRequest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tokengov.input.StrictJson;

/** Reading SCIM JSON bodies: attribute names and schema URIs are case-insensitive in SCIM (RFC 7643 §2.1). */
final class ScimJson {

    private ScimJson() {
    }

    /** One JSON object, nothing after it; {@code what} names the expected body in the refusal. */
    static JsonNode parse(byte[] body, String what) {
        try {
            return StrictJson.readObject(body);
        } catch (StrictJson.Unreadable e) {
            throw badRequest(INVALID_SYNTAX, "The body must be " + what + " JSON object. " + e.getMessage());
        }
    }

    /** The member of that name in any case, or null. */
    static JsonNode member(JsonNode object, String name) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (member.getKey().equalsIgnoreCase(name)) {
                return member.getValue();
            }
        }
        return null;
    }

    /** No member named twice, ignoring case ({@code "userName"} and {@code "username"} are the same). */
    static void checkUniqueMembers(JsonNode object, String what) {
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!seen.add(member.getKey().toLowerCase(Locale.ROOT))) {
                throw badRequest(INVALID_SYNTAX, what + " names \"" + member.getKey() + "\" twice.");
            }
        }
    }

    static boolean listsSchema(JsonNode schemas, String schema) {
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        for (JsonNode listed : schemas) {
            if (listed.isTextual() && listed.asText().equalsIgnoreCase(schema)) {
                return true;
            }
        }
        return false;
    }

    /** A boolean, or Microsoft Entra's {@code "True"}/{@code "False"} strings. */
    static boolean bool(JsonNode value, String attribute) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw badRequest(INVALID_VALUE, attribute + " must be true or false.");
    }
}
