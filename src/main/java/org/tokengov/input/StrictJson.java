package org.tokengov.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON from outside callers, read strictly: one JSON object and nothing after it, every key once, only the fields the
 * target declares, each of its own type ({@code "username": 123} is no string, {@code "projectId": "101"} or
 * {@code 101.0} no whole number, {@code "effectiveAt": true} no text). What a lenient reader would guess at is refused
 * with a message saying what is wrong, never with Jackson's internals.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                    DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private StrictJson() {
    }

    /** The body as one object of the given type; throws {@link Unreadable} with the reason otherwise. */
    public static <T> T read(byte[] body, Class<T> type) {
        JsonNode object = readObject(body);
        try {
            return MAPPER.treeToValue(object, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Unreadable(explain(e));
        }
    }

    /** The body as one JSON object, its keys unique; throws {@link Unreadable} with the reason otherwise. */
    public static JsonNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new Unreadable("The body is empty: send one JSON object.");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new Unreadable(explain(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new Unreadable("The body must be one JSON object.");
        }
        return tree;
    }

    private static String explain(Exception e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            boolean none = unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty();
            List<JsonMappingException.Reference> path = unknown.getPath();
            String where = path.size() > 1 ? " in " + path(path.subList(0, path.size() - 1)) : "";
            return "Unknown field \"" + unknown.getPropertyName() + "\"" + where + (none ? ": this body takes no fields."
                    : "; the fields are " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return field(mismatch) + " must be " + kind(mismatch.getTargetType()) + ".";
        }
        if (e instanceof InputCoercionException) {
            return "A number in the body is out of range.";
        }
        if (e instanceof JsonProcessingException json) {
            return "The body is not valid JSON: " + json.getOriginalMessage();
        }
        return "The body could not be read as JSON.";
    }

    private static String field(JsonMappingException e) {
        return path(e.getPath());
    }

    /** {@code calls[3].records[0]}: names with dots, indexes in brackets. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "of type " + type.getSimpleName();
    }

    /** Why a body was refused, in words for the caller (HTTP 400). */
    public static final class Unreadable extends RuntimeException {

        Unreadable(String message) {
            super(message);
        }
    }
}
