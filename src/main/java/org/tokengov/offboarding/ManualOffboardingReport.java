package org.tokengov.offboarding;

import static org.tokengov.offboarding.OffboardingVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** An administrator's report from the Tasklist start form, checked before anything is stored. */
record ManualOffboardingReport(String username, String type, Long projectId, String reason, String reportedBy) {

    static final String FORM = "offboarding-report";
    static final Set<String> TYPES = Set.of(OffboardingEvent.TERMINATED, OffboardingEvent.LEFT_PROJECT);
    static final int REASON_MAX = 500;

    /** Reads the start form's values; a refusal rolls the start back and Camunda's REST API answers 400. */
    static ManualOffboardingReport from(Map<String, Object> form) {
        List<String> problems = new ArrayList<>();
        String username = text(form, USERNAME);
        if (username.isEmpty() || username.length() > 191) {
            problems.add("Username is required (at most 191 characters).");
        }
        String type = text(form, EVENT_TYPE);
        if (!TYPES.contains(type)) {
            problems.add("Choose what happened: left the organisation or left a project.");
        }
        Long projectId = projectId(form.get(PROJECT_ID), problems);
        if (OffboardingEvent.LEFT_PROJECT.equals(type) && projectId == null) {
            problems.add("Give the REDCap project the person left.");
        }
        String reason = text(form, REASON);
        if (reason.isEmpty() || reason.length() > REASON_MAX) {
            problems.add("Give the reason (1 to " + REASON_MAX + " characters).");
        }
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(FORM, "Invalid offboarding report: " + String.join(" ", problems));
        }
        return new ManualOffboardingReport(username, type,
                OffboardingEvent.LEFT_PROJECT.equals(type) ? projectId : null, reason, text(form, REPORTED_BY));
    }

    private static Long projectId(Object value, List<String> problems) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            long id = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
            if (id > 0 && (!(value instanceof Double d) || d == Math.rint(d))) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("The REDCap project id must be a positive whole number.");
        return null;
    }

    private static String text(Map<String, Object> form, String name) {
        Object value = form.get(name);
        return value == null ? "" : value.toString().trim();
    }
}
