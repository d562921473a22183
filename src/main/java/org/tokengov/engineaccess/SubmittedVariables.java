package org.tokengov.engineaccess;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks the variables a person submits with a form, as the engine receives them: each one must be a field of the
 * form the person may fill in, with a plain value. Object values (serialized Java, JSON, XML, files) are never a form
 * field's value, and transient ones would reach the listeners without being recorded.
 */
final class SubmittedVariables {

    /** Camunda's names of the plain value types, as its REST API spells them with a small first letter. */
    static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null");

    private SubmittedVariables() {
    }

    static void check(Map<String, ?> variables, FormFields form) {
        if (variables == null) {
            return;
        }
        for (String name : variables.keySet()) {
            if (!form.allows(name)) {
                throw unknownField(name, form);
            }
            Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
            if (!isPlain(value)) {
                throw notPlain(name);
            }
        }
    }

    static boolean isPlain(Object value) {
        if (value instanceof TypedValue typed) {
            if (typed.isTransient()) {
                return false;
            }
            return typed.getType() == null ? isPlainJavaValue(typed.getValue()) : PLAIN_TYPES.contains(typed.getType().getName());
        }
        return isPlainJavaValue(value);
    }

    static FormInputRefusedException unknownField(String name, FormFields form) {
        return new FormInputRefusedException(form.writable().isEmpty()
                ? "This step takes no data: it has no field you can fill in, so '" + name + "' cannot be submitted."
                : "The form has no field '" + name + "' that you can fill in.");
    }

    static FormInputRefusedException notPlain(String name) {
        return new FormInputRefusedException("'" + name + "' must be plain text, a number, yes or no, or a date.");
    }

    private static boolean isPlainJavaValue(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Double || value instanceof Date;
    }
}
