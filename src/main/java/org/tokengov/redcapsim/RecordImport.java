package org.tokengov.redcapsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code data} of a flat record import against the project's dictionary: every problem is reported at once,
 * and any problem refuses the whole import, as REDCap does. The values REDCap checks that the simulator checks too:
 * field names, the record ID, choice codes, checkbox flags, and the date, integer and number validations.
 */
final class RecordImport {

    static final String NOT_FORMATTED =
            "The data being imported is not formatted correctly. The JSON must be in an array, as in [{ ... }].";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private RecordImport() {
    }

    /**
     * One record of the data.
     *
     * @param values per field: a checkbox's choice code to "1", "0" or "" (blank), any other field's value under ""
     */
    record Row(String record, Field recordIdField, Map<Field, Map<String, String>> values) {
    }

    static List<Row> parse(String data, List<Field> dictionary) {
        Map<String, Column> columns = columns(dictionary);
        Field recordIdField = dictionary.get(0);
        List<Row> rows = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        int position = 0;
        for (JsonNode item : readArray(data)) {
            position++;
            if (!item.isObject()) {
                errors.add("Row #" + position + " of the data is not an object.");
                continue;
            }
            String record = text(item.get(recordIdField.name()));
            if (record.isEmpty()) {
                errors.add("The record ID field (" + recordIdField.name() + ") is missing or blank in row #" + position
                        + " of the data.");
                continue;
            }
            Map<Field, Map<String, String>> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = fields.next();
                Column column = columns.get(entry.getKey());
                if (column == null) {
                    unknown.add(entry.getKey());
                    continue;
                }
                String value = text(entry.getValue());
                check(record, entry.getKey(), column, value).ifPresent(errors::add);
                values.computeIfAbsent(column.field(), field -> new LinkedHashMap<>()).put(column.code(), value);
            }
            rows.add(new Row(record, recordIdField, values));
        }
        if (!unknown.isEmpty()) {
            errors.add(0, "The following fields were not found in the project as real data fields: "
                    + String.join(", ", unknown));
        }
        if (!errors.isEmpty()) {
            throw ApiError.badRequest(String.join("\n", errors));
        }
        return rows;
    }

    private static Map<String, Column> columns(List<Field> dictionary) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Field field : dictionary) {
            if (field.isCheckbox()) {
                field.choiceLabels().keySet().forEach(code -> columns.put(field.checkboxColumn(code), new Column(field, code)));
            } else if (field.holdsData()) {
                columns.put(field.name(), new Column(field, ""));
            }
        }
        return columns;
    }

    private static Optional<String> check(String record, String column, Column target, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Field field = target.field();
        boolean valid;
        if (field.isCheckbox()) {
            valid = value.equals("0") || value.equals("1");
        } else if (!field.choiceLabels().isEmpty() && !"calc".equals(field.type())) {
            valid = field.choiceLabels().containsKey(value);
        } else {
            valid = validates(field, value);
        }
        return valid ? Optional.empty()
                : Optional.of("\"" + record + "\",\"" + column + "\",\"" + value + "\",\"The value is not valid"
                        + " for this field" + (field.validation() == null ? "" : " (" + field.validation() + ")") + "\"");
    }

    private static boolean validates(Field field, String value) {
        String validation = field.validation() == null ? "" : field.validation();
        try {
            return switch (validation) {
                case "date_ymd" -> {
                    LocalDate.parse(value);
                    yield true;
                }
                case "integer" -> value.matches("-?\\d{1,18}") && withinRange(field, Double.parseDouble(value));
                case "number" -> value.matches("-?\\d+(\\.\\d+)?") && withinRange(field, Double.parseDouble(value));
                default -> true;
            };
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean withinRange(Field field, double number) {
        return (blank(field.validationMin()) || number >= Double.parseDouble(field.validationMin()))
                && (blank(field.validationMax()) || number <= Double.parseDouble(field.validationMax()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
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

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText().trim() : node.toString();
    }

    private record Column(Field field, String code) {
    }
}
