package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates and durations as people read them on the page; dates in UTC, like the registry stores them. */
final class Readable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Readable() {
    }

    static String day(Instant moment) {
        return moment == null ? "" : DAY.format(moment);
    }

    static String minute(Instant moment) {
        return moment == null ? "" : MINUTE.format(moment);
    }

    /** Coarse on purpose: "3 d 4 h", "25 min", "40 s". A negative duration (clock skew) reads as none. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86400) {
            long minutes = seconds / 60 % 60;
            return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        long hours = seconds / 3600 % 24;
        return seconds / 86400 + " d" + (hours == 0 ? "" : " " + hours + " h");
    }
}
