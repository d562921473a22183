package org.tokengov.redcapsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** REDCap's response bodies: exports in json, csv or xml, and errors in the {@code returnFormat}. */
final class ApiResponses {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>";

    private ApiResponses() {
    }

    static ResponseEntity<String> error(HttpStatusCode status, String message, Format returnFormat) {
        String body = switch (returnFormat) {
            case JSON -> json(Map.of("error", message));
            case CSV -> "ERROR: " + message;
            case XML -> XML_DECLARATION + "<hash><error>" + escapeXml(message) + "</error></hash>";
        };
        return ResponseEntity.status(status).contentType(returnFormat.mediaType()).body(body);
    }

    /** Rows under one root element each ({@code <users><item>…}), or a csv table with a header line. */
    static ResponseEntity<String> table(List<Map<String, Object>> rows, List<String> columns, Format format,
            String xmlRoot, String xmlRow) {
        String body = switch (format) {
            case JSON -> json(rows);
            case CSV -> csv(rows, columns);
            case XML -> XML_DECLARATION + "\n<" + xmlRoot + ">\n"
                    + rows.stream().map(row -> xmlElement(xmlRow, row) + "\n").collect(Collectors.joining())
                    + "</" + xmlRoot + ">\n";
        };
        return ok(format.mediaType(), body);
    }

    /** One object, such as the project information. */
    static ResponseEntity<String> item(Map<String, Object> item, Format format) {
        String body = switch (format) {
            case JSON -> json(item);
            case CSV -> csv(List.of(item), List.copyOf(item.keySet()));
            case XML -> XML_DECLARATION + "\n" + xmlElement("item", item) + "\n";
        };
        return ok(format.mediaType(), body);
    }

    /** REDCap answers user and role imports and deletions with the bare count, whatever the format. */
    static ResponseEntity<String> count(int count, Format format) {
        return ok(format.mediaType(), Integer.toString(count));
    }

    /**
     * A record import's answer, {@code returnContent=count}: {@code {"count": N}} in JSON, which PyCap reads; the csv
     * and xml shapes are the simulator's.
     */
    static ResponseEntity<String> importCount(int count, Format format) {
        String body = switch (format) {
            case JSON -> json(Map.of("count", count));
            case CSV -> "count\n" + count + "\n";
            case XML -> XML_DECLARATION + "\n<count>" + count + "</count>\n";
        };
        return ok(format.mediaType(), body);
    }

    /** A record import's answer, {@code returnContent=ids}: the names of the records imported. */
    static ResponseEntity<String> importIds(List<String> ids, Format format) {
        String body = switch (format) {
            case JSON -> json(ids);
            case CSV -> "id\n" + ids.stream().map(id -> csvValue(id) + "\n").collect(Collectors.joining());
            case XML -> XML_DECLARATION + "\n<ids>" + ids.stream().map(id -> "<id>" + escapeXml(id) + "</id>")
                    .collect(Collectors.joining()) + "</ids>\n";
        };
        return ok(format.mediaType(), body);
    }

    static ResponseEntity<String> plainText(String text) {
        return ok(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8), text);
    }

    static ResponseEntity<String> serverError(Format returnFormat) {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "The server encountered an error processing your request.",
                returnFormat);
    }

    private static ResponseEntity<String> ok(MediaType mediaType, String body) {
        return ResponseEntity.ok().contentType(mediaType).body(body);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON", e);
        }
    }

    private static String csv(List<Map<String, Object>> rows, List<String> columns) {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, Object> row : rows) {
            csv.append(columns.stream().map(column -> csvValue(row.get(column))).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String csvValue(Object value) {
        String text = value instanceof Map<?, ?> map
                ? map.entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue()).collect(Collectors.joining(","))
                : value == null ? "" : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String xmlElement(String name, Map<String, Object> fields) {
        StringBuilder xml = new StringBuilder("<").append(name).append('>');
        fields.forEach((field, value) -> {
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> children = new LinkedHashMap<>();
                nested.forEach((key, child) -> children.put(key.toString(), child));
                xml.append(xmlElement(field, children));
            } else {
                xml.append('<').append(field).append('>').append(escapeXml(value == null ? "" : value.toString()))
                        .append("</").append(field).append('>');
            }
        });
        return xml.append("</").append(name).append('>').toString();
    }

    static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
