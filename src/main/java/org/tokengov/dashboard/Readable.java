package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tokengov.registry.TokenState;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;

/**
 * Dates, durations, numbers and names as people read them on the page; dates in UTC, like the registry stores them.
 * Enum names become words here, never on the page.
 */
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

    /** A whole number with thousands separators: "2,000". */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** An average: one decimal below ten ("2.5"), whole above ("1,234"). */
    static String average(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%,.1f" : "%,.0f", value);
    }

    /** A constant's name as words, for values the page cannot name better: "WAITING_FOR_HOLDER" → "Waiting for holder". */
    static String words(String constant) {
        if (constant == null || constant.isBlank()) {
            return "";
        }
        String lower = constant.trim().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** A fair-use rule as people say it; a rule added later fails to compile here until it has its words. */
    static String rule(FairUseRule rule) {
        return rule.inWords();
    }

    /** A rule's name as stored in a table another package writes: its words if it is a rule we know. */
    static String rule(String name) {
        try {
            return rule(FairUseRule.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return words(name);
        }
    }

    static String certainty(Certainty certainty) {
        return switch (certainty) {
            case SUSPECTED -> "Suspected (REDCap's log alone cannot tell)";
            case CONFIRMED -> "Confirmed";
        };
    }

    static String tokenState(TokenState state) {
        return switch (state) {
            case QA_ACTIVE -> "Active in QA";
            case ACTIVE -> "Active";
            case SUSPENDED -> "Suspended";
            case REVOKED -> "Revoked";
            case EXPIRED -> "Expired";
            case FOUND -> "Found in REDCap";
            case REVOCATION_PENDING -> "Revocation pending";
        };
    }
}
