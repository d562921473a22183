package org.tokengov.offboarding;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.tokengov.input.PlainText;

/** An HR system's report that a person left the organization or a project, checked field by field. */
record HrEvent(String type, String username, Long projectId, String effectiveAt) {

    static final int MAX_USERNAME_LENGTH = 191;
    /** No HR system reports a departure from before this system's records could exist, nor decades ahead. */
    static final Instant EARLIEST_EFFECTIVE = Instant.parse("2000-01-01T00:00:00Z");
    static final int LATEST_EFFECTIVE_YEARS_AHEAD = 10;

    List<String> problems(Instant now) {
        List<String> problems = new ArrayList<>();
        if (type == null || !OffboardingEvent.TYPES.contains(type)) {
            problems.add("type must be " + OffboardingEvent.TERMINATED + ", " + OffboardingEvent.LEFT_PROJECT + " or "
                    + OffboardingEvent.REHIRED + ".");
        }
        if (username == null || username.isBlank() || username.length() > MAX_USERNAME_LENGTH
                || !PlainText.isPlain(username)) {
            problems.add("username is required: at most " + MAX_USERNAME_LENGTH + " characters, no control characters.");
        }
        if (OffboardingEvent.LEFT_PROJECT.equals(type) && projectId == null) {
            problems.add("projectId is required for " + OffboardingEvent.LEFT_PROJECT + ".");
        }
        if (projectId != null && !OffboardingEvent.LEFT_PROJECT.equals(type)) {
            problems.add("projectId belongs only to " + OffboardingEvent.LEFT_PROJECT + ".");
        }
        // REDCap's project_id is an int(10).
        if (projectId != null && (projectId < 1 || projectId > Integer.MAX_VALUE)) {
            problems.add("projectId must be a REDCap project id (1 to " + Integer.MAX_VALUE + ").");
        }
        Instant effective = effective();
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(LATEST_EFFECTIVE_YEARS_AHEAD).toInstant();
        if (effective == null) {
            problems.add("effectiveAt is required, as an ISO 8601 instant such as 2026-12-01T00:00:00Z.");
        } else if (effective.isBefore(EARLIEST_EFFECTIVE) || effective.isAfter(latest)) {
            problems.add("effectiveAt must be between " + EARLIEST_EFFECTIVE + " and " + LATEST_EFFECTIVE_YEARS_AHEAD
                    + " years from now.");
        }
        return problems;
    }

    Instant effective() {
        try {
            return effectiveAt == null ? null : Instant.parse(effectiveAt);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
