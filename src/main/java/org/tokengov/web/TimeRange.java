package org.tokengov.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.tokengov.web.ApiErrors.BadRequest;

/**
 * The span {@code [from, to)} an auditor asks about: ISO-8601 instants, or dates meaning the start of that day in UTC.
 * Bounded to 366 days so that one request stays a report, not a dump of the whole trail.
 */
record TimeRange(Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(366);

    private static final String FORMATS = "an ISO-8601 instant like 2026-01-01T00:00:00Z or a date like 2026-01-01 (UTC)";
    private static final DateTimeFormatter COMPACT_INSTANT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    static TimeRange parse(String from, String to) {
        TimeRange range = new TimeRange(moment("from", from), moment("to", to));
        if (!range.from().isBefore(range.to())) {
            throw new BadRequest("from must be before to (to is exclusive).");
        }
        if (Duration.between(range.from(), range.to()).compareTo(LONGEST) > 0) {
            throw new BadRequest("The range spans more than 366 days: ask for one year at a time.");
        }
        return range;
    }

    /** Both ends for a file name: the date when at midnight UTC, else a compact instant (no colons). */
    String label() {
        return label(from) + "-" + label(to);
    }

    private static String label(Instant moment) {
        LocalDate day = LocalDate.ofInstant(moment, ZoneOffset.UTC);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(moment) ? day.toString() : COMPACT_INSTANT.format(moment);
    }

    private static Instant moment(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(name + " is required: " + FORMATS + ".");
        }
        String text = value.trim();
        try {
            return text.indexOf('T') < 0 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be " + FORMATS + ".");
        }
    }
}
