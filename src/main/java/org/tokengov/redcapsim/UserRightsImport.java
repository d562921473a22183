package org.tokengov.redcapsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code data} of a user import: a JSON array of users. Attributes the shared schema does not
 * keep (email, names, design, forms, …) are ignored, as REDCap ignores names and emails. Every problem
 * is reported at once, and any problem refuses the whole import.
 */
final class UserRightsImport {

    static final String NOT_FORMATTED =
            "The data being imported is not formatted correctly. The JSON must be in an array, as in [{ ... }].";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private UserRightsImport() {
    }

    static List<UserRightsChange> parse(String data) {
        JsonNode users = readArray(data);
        List<UserRightsChange> changes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int position = 0;
        for (JsonNode user : users) {
            position++;
            String username = user.isObject() ? text(user.get("username")) : "";
            if (username.isEmpty()) {
                errors.add("The username is missing for user #" + position + " in the data.");
                continue;
            }
            Map<UserRightsField, Object> values = new EnumMap<>(UserRightsField.class);
            for (Iterator<Map.Entry<String, JsonNode>> fields = user.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                UserRightsField.ofAttribute(field.getKey())
                        .ifPresent(known -> read(known, field.getValue(), username, values, errors));
            }
            changes.add(new UserRightsChange(username, values));
        }
        if (!errors.isEmpty()) {
            throw ApiError.badRequest(String.join("\n", errors));
        }
        return changes;
    }

    private static JsonNode readArray(String data) {
        try {
            JsonNode root = data == null ? null : JSON.readTree(data);
            if (root == null || !root.isArray()) {
                throw ApiError.badRequest(NOT_FORMATTED);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(NOT_FORMATTED);
        }
    }

    private static void read(UserRightsField field, JsonNode node, String username,
            Map<UserRightsField, Object> values, List<String> errors) {
        String text = text(node);
        if (field.isDate()) {
            readDate(field, text, username, values, errors);
            return;
        }
        if (text.matches("\\d") && Integer.parseInt(text) <= field.highestLevel()) {
            values.put(field, Integer.parseInt(text));
        } else {
            errors.add(invalid(field, text, username));
        }
    }

    private static void readDate(UserRightsField field, String text, String username,
            Map<UserRightsField, Object> values, List<String> errors) {
        if (text.isEmpty()) {
            values.put(field, null);
            return;
        }
        try {
            values.put(field, LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            errors.add(invalid(field, text, username) + " (expected YYYY-MM-DD)");
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "1" : "0";
        }
        return node.isValueNode() ? node.asText().trim() : node.toString();
    }

    private static String invalid(UserRightsField field, String text, String username) {
        return "The value \"" + text + "\" of \"" + field.attribute() + "\" for user \"" + username + "\" is not valid";
    }
}
