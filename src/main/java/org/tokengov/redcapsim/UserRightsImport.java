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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the {@code data} of a user or role import: a JSON array of objects. Attributes the simulator does not keep
 * (email, names, data access groups, …) are ignored, as REDCap ignores names and emails. Every problem is reported at
 * once, and any problem refuses the whole import.
 */
final class UserRightsImport {

    static final String NOT_FORMATTED =
            "The data being imported is not formatted correctly. The JSON must be in an array, as in [{ ... }].";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private UserRightsImport() {
    }

    static List<UserRightsChange> parse(String data) {
        List<UserRightsChange> changes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int position = 0;
        for (JsonNode user : readArray(data)) {
            position++;
            String username = user.isObject() ? text(user.get("username")) : "";
            if (username.isEmpty()) {
                errors.add("The username is missing for user #" + position + " in the data.");
                continue;
            }
            changes.add(new UserRightsChange(username, values(user, "user \"" + username + "\"", errors,
                    field -> true)));
        }
        refuseIfAny(errors);
        return changes;
    }

    /** Roles: {@code unique_role_name} (blank for a new role), {@code role_label}, and the rights. */
    static List<RoleChange> parseRoles(String data) {
        List<RoleChange> changes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int position = 0;
        for (JsonNode role : readArray(data)) {
            position++;
            if (!role.isObject()) {
                errors.add("Role #" + position + " in the data is not an object.");
                continue;
            }
            String uniqueRoleName = text(role.get("unique_role_name"));
            String label = text(role.get("role_label"));
            if (uniqueRoleName.isEmpty() && label.isEmpty()) {
                errors.add("The role_label is missing for new role #" + position + " in the data.");
                continue;
            }
            String which = uniqueRoleName.isEmpty() ? "role #" + position : "role \"" + uniqueRoleName + "\"";
            changes.add(new RoleChange(uniqueRoleName.isEmpty() ? null : uniqueRoleName, label.isEmpty() ? null : label,
                    values(role, which, errors, UserRightsField::appliesToRoles)));
        }
        refuseIfAny(errors);
        return changes;
    }

    /** Role assignments: {@code username} and {@code unique_role_name} (blank: out of any role). */
    static Map<String, String> parseRoleMappings(String data) {
        Map<String, String> mappings = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        int position = 0;
        for (JsonNode mapping : readArray(data)) {
            position++;
            String username = mapping.isObject() ? text(mapping.get("username")) : "";
            if (username.isEmpty()) {
                errors.add("The username is missing for row #" + position + " in the data.");
                continue;
            }
            mappings.put(username, text(mapping.get("unique_role_name")));
        }
        refuseIfAny(errors);
        return mappings;
    }

    private static Map<UserRightsField, Object> values(JsonNode item, String which, List<String> errors,
            Predicate<UserRightsField> kept) {
        Map<UserRightsField, Object> values = new EnumMap<>(UserRightsField.class);
        for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            UserRightsField.ofAttribute(field.getKey()).filter(kept)
                    .ifPresent(known -> read(known, field.getValue(), which, values, errors));
        }
        return values;
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

    private static void read(UserRightsField field, JsonNode node, String which, Map<UserRightsField, Object> values,
            List<String> errors) {
        switch (field.kind()) {
            case DATE -> readDate(field, text(node), which, values, errors);
            case LEVEL -> level(field, text(node)).ifPresentOrElse(level -> values.put(field, level),
                    () -> errors.add(invalid(field, text(node), which)));
            case FORM_RIGHTS -> readFormRights(field, node, which, values, errors);
        }
    }

    private static Optional<Integer> level(UserRightsField field, String text) {
        if (text.matches("\\d{1,3}") && Integer.parseInt(text) <= field.highestLevel()) {
            return Optional.of(Integer.parseInt(text));
        }
        return Optional.empty();
    }

    /** {@code {"form":1,…}} in JSON; the csv shape {@code "form:1,form2:0"} is read too. */
    private static void readFormRights(UserRightsField field, JsonNode node, String which,
            Map<UserRightsField, Object> values, List<String> errors) {
        Map<String, String> given = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> given.put(entry.getKey(), text(entry.getValue())));
        } else {
            for (String pair : text(node).split(",")) {
                if (!pair.isBlank()) {
                    String[] parts = pair.split(":", 2);
                    given.put(parts[0].trim(), parts.length == 2 ? parts[1].trim() : "");
                }
            }
        }
        Map<String, Integer> rights = new LinkedHashMap<>();
        given.forEach((form, right) -> level(field, right).ifPresentOrElse(level -> rights.put(form, level),
                () -> errors.add(invalid(field, form + ":" + right, which))));
        values.put(field, Rights.encodeFormRights(rights));
    }

    private static void readDate(UserRightsField field, String text, String which, Map<UserRightsField, Object> values,
            List<String> errors) {
        if (text.isEmpty()) {
            values.put(field, null);
            return;
        }
        try {
            values.put(field, LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            errors.add(invalid(field, text, which) + " (expected YYYY-MM-DD)");
        }
    }

    private static void refuseIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw ApiError.badRequest(String.join("\n", errors));
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

    private static String invalid(UserRightsField field, String text, String which) {
        return "The value \"" + text + "\" of \"" + field.attribute() + "\" for " + which + " is not valid";
    }

    /** One role of a role import; {@code uniqueRoleName} is {@code null} for a new role. */
    record RoleChange(String uniqueRoleName, String roleLabel, Map<UserRightsField, Object> values) {
    }
}
