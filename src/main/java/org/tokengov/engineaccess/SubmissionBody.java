package org.tokengov.engineaccess;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON body of a claim, a step's submission or a start, checked before Camunda reads it: only the fields these
 * calls need, no start instructions or skip flags, and variables that are fields of the form with plain values
 * ({@code {"value": …, "type": "String"}}, or an untyped plain value as Tasklist's forms send). Camunda would turn an
 * object value (serialized Java, JSON, XML, a file) into an object variable or fail with 500; here it is a 400.
 * Duplicate keys and anything after the JSON value are refused, so the body Camunda reads is the body checked.
 */
final class SubmissionBody {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> VALUE_ATTRIBUTES = Set.of("value", "type", "valueInfo");

    private final JsonNode body;

    private SubmissionBody(JsonNode body) {
        this.body = body;
    }

    static SubmissionBody parse(byte[] bytes) {
        if (bytes.length == 0) {
            return new SubmissionBody(JsonNodeFactory.instance.objectNode());
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new FormInputRefusedException("The request body is not one valid JSON object naming each field once.");
        }
        if (body == null || body.isMissingNode()) {
            return new SubmissionBody(JsonNodeFactory.instance.objectNode());
        }
        if (!body.isObject()) {
            throw new FormInputRefusedException("The request body must be a JSON object.");
        }
        return new SubmissionBody(body);
    }

    /** A claim names the caller: nobody claims a step for someone else. */
    void checkClaim(String caller) {
        onlyFields(Set.of("userId"));
        JsonNode userId = body.get("userId");
        if (userId == null || !userId.isTextual() || !userId.asText().equals(caller)) {
            throw Forbidden.CLAIM_FOR_OTHERS.refusal();
        }
    }

    /** A step's submission: its form's fields only (none if the step is unknown: Camunda then answers 404). */
    void checkTaskSubmission(Optional<FormFields> form) {
        onlyFields(Set.of("variables"));
        checkVariables(form);
    }

    /** A start: at the beginning, nothing skipped, no chosen business key, the start form's fields only. */
    void checkStart(Optional<FormFields> form) {
        if (body.has("startInstructions")) {
            throw Forbidden.START_ELSEWHERE.refusal();
        }
        if (body.has("skipCustomListeners") || body.has("skipIoMappings")) {
            throw Forbidden.SKIP_LISTENERS.refusal();
        }
        if (body.hasNonNull("businessKey")) {
            throw Forbidden.CHOOSE_BUSINESS_KEY.refusal();
        }
        onlyFields(Set.of("variables", "businessKey"));
        checkVariables(form);
    }

    private void onlyFields(Set<String> allowed) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new FormInputRefusedException("The request field '" + name + "' is not accepted here.");
            }
        }
    }

    private void checkVariables(Optional<FormFields> form) {
        JsonNode variables = body.get("variables");
        if (variables == null || variables.isNull()) {
            return;
        }
        if (!variables.isObject()) {
            throw new FormInputRefusedException("'variables' must map each field's name to its value.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = variables.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (form.isPresent() && !form.get().allows(field.getKey())) {
                throw SubmittedVariables.unknownField(field.getKey(), form.get());
            }
            if (!isPlain(field.getValue())) {
                throw SubmittedVariables.notPlain(field.getKey());
            }
        }
    }

    private static boolean isPlain(JsonNode variable) {
        if (!variable.isObject()) {
            return false;
        }
        for (Iterator<String> attributes = variable.fieldNames(); attributes.hasNext(); ) {
            if (!VALUE_ATTRIBUTES.contains(attributes.next())) {
                return false;
            }
        }
        JsonNode valueInfo = variable.get("valueInfo");
        if (valueInfo != null && !valueInfo.isNull() && !(valueInfo.isObject() && valueInfo.isEmpty())) {
            return false;
        }
        JsonNode type = variable.get("type");
        if (type != null && !type.isNull() && !(type.isTextual() && SubmittedVariables.PLAIN_TYPES.contains(restTypeName(type.asText())))) {
            return false;
        }
        JsonNode value = variable.get("value");
        return value == null || value.isNull() || value.isTextual() || value.isNumber() || value.isBoolean();
    }

    /** Camunda's REST API accepts a type name with a capital or a small first letter ("String", "string"). */
    private static String restTypeName(String type) {
        return type.isEmpty() ? type : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }
}
