package org.tokengov.offboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An HR system's report that a person left the organization or a project, checked field by field. */
record HrEvent(String type, String username, Long projectId, String effectiveAt) {

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (type == null || !OffboardingEvent.TYPES.contains(type)) {
            problems.add("type must be " + OffboardingEvent.TERMINATED + ", " + OffboardingEvent.LEFT_PROJECT + " or "
                    + OffboardingEvent.REHIRED + ".");
        }
        if (username == null || username.isBlank() || username.length() > 191) {
            problems.add("username is required (at most 191 characters).");
        }
        if (OffboardingEvent.LEFT_PROJECT.equals(type) && projectId == null) {
            problems.add("projectId is required for " + OffboardingEvent.LEFT_PROJECT + ".");
        }
        if (projectId != null && projectId < 1) {
            problems.add("projectId must be a positive REDCap project id.");
        }
        if (effective() == null) {
            problems.add("effectiveAt is required, as an ISO 8601 instant such as 2026-12-01T00:00:00Z.");
        }
        return problems;
    }

    Instant effective() {
        try {
            return effectiveAt == null ? null : Instant.parse(effectiveAt);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
