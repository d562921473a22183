package org.tokengov.redcapsim;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * REDCap's ways of writing a moment, all in the server's local time (REDCAP-FACTS.md 6): a log table's {@code ts}, a
 * number YYYYMMDDhhmmss; {@code YYYY-MM-DD HH:MM} in the log API's filters and output; {@code YYYY-MM-DD HH:MM:SS}
 * for datetime columns and the record API's date ranges.
 */
final class RedcapTimestamps {

    private static final DateTimeFormatter LOG_EVENT_TS =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TO_THE_MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TO_THE_SECOND =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private RedcapTimestamps() {
    }

    static long toTs(LocalDateTime moment) {
        return Long.parseLong(LOG_EVENT_TS.format(moment));
    }

    static LocalDateTime fromTs(long ts) {
        return LocalDateTime.parse(Long.toString(ts), LOG_EVENT_TS);
    }

    static String toMinute(long ts) {
        return TO_THE_MINUTE.format(fromTs(ts));
    }

    static String toSecond(LocalDateTime moment) {
        return moment == null ? "" : TO_THE_SECOND.format(moment);
    }

    /** Parses {@code YYYY-MM-DD HH:MM}; throws {@link DateTimeParseException} for anything else. */
    static LocalDateTime parseMinute(String text) {
        return LocalDateTime.parse(text.trim(), TO_THE_MINUTE);
    }

    /** A log filter time: {@code YYYY-MM-DD HH:MM} (REDCap's, seconds :00) or {@code YYYY-MM-DD HH:MM:SS} (PyCap's). */
    static LocalDateTime parseFilterTime(String text) {
        String trimmed = text.trim();
        return trimmed.length() > "YYYY-MM-DD HH:MM".length() ? parseSecond(trimmed) : parseMinute(trimmed);
    }

    /** Parses {@code YYYY-MM-DD HH:MM:SS}; throws {@link DateTimeParseException} for anything else. */
    static LocalDateTime parseSecond(String text) {
        return LocalDateTime.parse(text.trim(), TO_THE_SECOND);
    }
}
