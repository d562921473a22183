package org.tokengov.usertask;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads submitted form values leniently in type (Tasklist sends numbers as JSON numbers, REST callers
 * may send strings) and strictly in content, collecting a message per problem.
 */
public final class FormValues {

    private final VariableScope scope;
    private final List<String> problems;

    public FormValues(VariableScope scope, List<String> problems) {
        this.scope = scope;
        this.problems = problems;
    }

    public void positiveWholeNumber(String name, String label, long max) {
        Object raw = scope.getVariable(name);
        if (raw == null || raw.toString().isBlank()) {
            problems.add(label + " is required.");
            return;
        }
        Long value = asLong(raw);
        if (value == null) {
            problems.add(label + " must be a whole number.");
        } else if (value < 1 || value > max) {
            problems.add(label + " must be between 1 and " + max + ".");
        }
    }

    public boolean flag(String name, String label) {
        Object raw = scope.getVariable(name);
        if (raw == null) {
            return false;
        }
        Boolean value = asBoolean(raw);
        if (value == null) {
            problems.add(label + " must be true or false.");
            return false;
        }
        return value;
    }

    public void oneOf(String name, String label, List<String> allowed) {
        Object raw = scope.getVariable(name);
        if (raw == null || raw.toString().isBlank()) {
            problems.add(label + " is required.");
        } else if (!allowed.contains(raw.toString().trim())) {
            problems.add(label + " must be one of " + String.join(", ", allowed) + ".");
        }
    }

    public void text(String name, String label, int min, int max) {
        Object raw = scope.getVariable(name);
        String value = raw == null ? "" : raw.toString().trim();
        if (value.isEmpty()) {
            problems.add(label + " is required.");
        } else if (value.length() < min || value.length() > max) {
            problems.add(label + " must be " + min + " to " + max + " characters long (it is " + value.length() + ").");
        }
    }

    public void pattern(String name, String label, String regex, String explanation) {
        Object raw = scope.getVariable(name);
        String value = raw == null ? "" : raw.toString().trim();
        if (value.isEmpty()) {
            problems.add(label + " is required.");
        } else if (!value.matches(regex)) {
            problems.add(label + " " + explanation + ".");
        }
    }

    public static Long asLong(Object raw) {
        if (raw instanceof Number number) {
            double asDouble = number.doubleValue();
            return asDouble == Math.rint(asDouble) && !Double.isInfinite(asDouble) ? number.longValue() : null;
        }
        try {
            return raw == null ? null : Long.valueOf(raw.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Boolean asBoolean(Object raw) {
        if (raw instanceof Boolean bool) {
            return bool;
        }
        String text = raw == null ? "" : raw.toString().trim();
        return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }
}
