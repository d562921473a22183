package org.tokengov.engineaccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The fields a person may fill in on a Camunda Form (form-js schema): components with a {@code key} that are
 * neither {@code disabled} nor {@code readonly}. form-js leaves disabled fields out of a submission; read-only ones
 * only show a value the process already holds, so a submission may not set them either. Components nest
 * ({@code components} of groups); a group or list with a {@code path} submits an object, which is never a plain
 * value, so its fields are not counted. A flag given as an expression counts as set: when in doubt, not writable.
 */
record FormFields(Set<String> writable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A step or start without a Camunda Form: nothing may be submitted. */
    static final FormFields NONE = new FormFields(Set.of());

    FormFields {
        writable = Set.copyOf(writable);
    }

    static FormFields parse(byte[] schema) {
        JsonNode form;
        try {
            form = JSON.readTree(schema);
        } catch (IOException e) {
            throw new IllegalStateException("A deployed form is not valid JSON", e);
        }
        Set<String> writable = new LinkedHashSet<>();
        collect(form.path("components"), writable);
        return new FormFields(writable);
    }

    boolean allows(String field) {
        return writable.contains(field);
    }

    private static void collect(JsonNode components, Set<String> writable) {
        for (JsonNode component : components) {
            if (component.hasNonNull("path") || isSet(component, "disabled") || isSet(component, "readonly")) {
                continue;
            }
            JsonNode key = component.get("key");
            if (key != null && key.isTextual() && !key.asText().isBlank() && !"button".equals(component.path("type").asText())) {
                writable.add(key.asText());
            }
            collect(component.path("components"), writable);
        }
    }

    private static boolean isSet(JsonNode component, String flag) {
        JsonNode value = component.get(flag);
        return value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean());
    }
}
