package org.tokengov.redcapsim;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * REDCap's two ways of writing a moment: {@code redcap_log_event.ts}, a number YYYYMMDDhhmmss in server
 * time, and {@code YYYY-MM-DD HH:MM} in the log API's filters and output.
 */
final class RedcapTimestamps {

    private static final DateTimeFormatter LOG_EVENT_TS =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TO_THE_MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);

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

    /** Parses {@code YYYY-MM-DD HH:MM}; throws {@link DateTimeParseException} for anything else. */
    static LocalDateTime parseMinute(String text) {
        return LocalDateTime.parse(text.trim(), TO_THE_MINUTE);
    }
}
