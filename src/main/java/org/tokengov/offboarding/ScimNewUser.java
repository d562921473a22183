package org.tokengov.offboarding;

import static org.tokengov.offboarding.ScimException.INVALID_SYNTAX;
import static org.tokengov.offboarding.ScimException.INVALID_VALUE;
import static org.tokengov.offboarding.ScimException.badRequest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tokengov.input.PlainText;

/**
 * The body of {@code POST /Users} (RFC 7644 §3.3), read for the attributes kept here: userName (required), externalId,
 * active, displayName, name and emails. Other attributes identity providers map by default (title, phoneNumbers,
 * addresses, the enterprise extension…) are ignored, as are the read-only id and meta; a password is never kept.
 * Strict where a lenient reader would guess: a member named twice in any case, data after the object, a kept
 * attribute of the wrong type, a schemas list without the core User schema.
 */
record ScimNewUser(String userName, String externalId, boolean active, String displayName, ScimUser.Name name,
        List<ScimUser.Email> emails) {

    static final int MAX_USERNAME_LENGTH = 191;
    private static final int MAX_TEXT_LENGTH = 255;
    private static final int MAX_EMAILS = 10;
    private static final int MAX_EMAIL_TYPE_LENGTH = 32;

    static ScimNewUser read(byte[] body) {
        JsonNode user = ScimJson.parse(body, "a SCIM User");
        ScimJson.checkUniqueMembers(user, "A User");
        JsonNode schemas = ScimJson.member(user, "schemas");
        if (!ScimJson.listsSchema(schemas, ScimUser.SCHEMA) || !onlyUrns(schemas)) {
            throw badRequest(INVALID_SYNTAX, "schemas must be an array of schema URNs that lists " + ScimUser.SCHEMA + ".");
        }
        String userName = text(user, "userName", MAX_USERNAME_LENGTH);
        if (userName == null || userName.isBlank()) {
            throw badRequest(INVALID_VALUE, "userName is required.");
        }
        JsonNode active = ScimJson.member(user, "active");
        return new ScimNewUser(userName, text(user, "externalId", MAX_TEXT_LENGTH),
                active == null || active.isNull() || ScimJson.bool(active, "active"),
                text(user, "displayName", MAX_TEXT_LENGTH), name(ScimJson.member(user, "name")),
                emails(ScimJson.member(user, "emails")));
    }

    private static boolean onlyUrns(JsonNode schemas) {
        for (JsonNode schema : schemas) {
            if (!schema.isTextual() || !schema.asText().regionMatches(true, 0, "urn:", 0, 4)) {
                return false;
            }
        }
        return true;
    }

    private static ScimUser.Name name(JsonNode name) {
        if (name == null || name.isNull()) {
            return null;
        }
        if (!name.isObject()) {
            throw badRequest(INVALID_VALUE, "name must be an object.");
        }
        ScimJson.checkUniqueMembers(name, "name");
        return new ScimUser.Name(text(name, "givenName", MAX_TEXT_LENGTH), text(name, "familyName", MAX_TEXT_LENGTH),
                text(name, "formatted", MAX_TEXT_LENGTH));
    }

    private static List<ScimUser.Email> emails(JsonNode emails) {
        if (emails == null || emails.isNull()) {
            return List.of();
        }
        if (!emails.isArray() || emails.size() > MAX_EMAILS) {
            throw badRequest(INVALID_VALUE, "emails must be an array of at most " + MAX_EMAILS + " objects.");
        }
        List<ScimUser.Email> read = new ArrayList<>();
        for (JsonNode email : emails) {
            if (!email.isObject()) {
                throw badRequest(INVALID_VALUE, "Each email must be an object.");
            }
            ScimJson.checkUniqueMembers(email, "An email");
            String value = text(email, "value", MAX_TEXT_LENGTH);
            if (value == null || value.isBlank()) {
                throw badRequest(INVALID_VALUE, "Each email needs a value.");
            }
            JsonNode primary = ScimJson.member(email, "primary");
            read.add(new ScimUser.Email(value, text(email, "type", MAX_EMAIL_TYPE_LENGTH),
                    primary == null || primary.isNull() ? null : ScimJson.bool(primary, "primary")));
        }
        return List.copyOf(read);
    }

    /** A string attribute of at most {@code maxLength} characters without control characters; null if absent. */
    private static String text(JsonNode object, String attribute, int maxLength) {
        JsonNode value = ScimJson.member(object, attribute);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw badRequest(INVALID_VALUE, attribute + " must be a string.");
        }
        String text = value.asText();
        if (text.length() > maxLength || !PlainText.isPlain(text)) {
            throw badRequest(INVALID_VALUE, attribute + " must be at most " + maxLength
                    + " characters without control characters.");
        }
        return text;
    }
}
