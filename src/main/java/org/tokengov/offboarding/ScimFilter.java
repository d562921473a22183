package org.tokengov.offboarding;

import static org.tokengov.offboarding.ScimException.INVALID_FILTER;
import static org.tokengov.offboarding.ScimException.badRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one filter form identity providers send to find a user (RFC 7644 §3.4.2.2): {@code userName eq "bob"}, also on
 * {@code externalId} or {@code id}. Attribute names and the operator are case-insensitive; the value is a JSON string.
 * Anything else (other operators, and/or, other attributes) is refused as {@code invalidFilter}.
 */
record ScimFilter(Attribute attribute, String value) {

    enum Attribute {
        /** SCIM compares userName ignoring case (caseExact false). */
        USER_NAME("userName"),
        EXTERNAL_ID("externalId"),
        ID("id");

        private final String scimName;

        Attribute(String scimName) {
            this.scimName = scimName;
        }
    }

    private static final Pattern EQUALS = Pattern.compile("\\s*([A-Za-z]+)\\s+eq\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    static ScimFilter parse(String filter) {
        Matcher equals = EQUALS.matcher(filter);
        if (!equals.matches()) {
            throw unsupported();
        }
        for (Attribute attribute : Attribute.values()) {
            if (attribute.scimName.equalsIgnoreCase(equals.group(1))) {
                return new ScimFilter(attribute, jsonString(equals.group(2)));
            }
        }
        throw unsupported();
    }

    /** The value as SCIM compares it. */
    String comparable() {
        return attribute == Attribute.USER_NAME ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static String jsonString(String literal) {
        try {
            return JSON.readValue(literal, String.class);
        } catch (JsonProcessingException e) {
            throw badRequest(INVALID_FILTER, "The filter's value is not a valid JSON string.");
        }
    }

    private static ScimException unsupported() {
        return badRequest(INVALID_FILTER,
                "Only filters of the form userName eq \"…\", externalId eq \"…\" or id eq \"…\" are supported.");
    }
}
