package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.offboarding.OffboardingOutcome;
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

    /** Why a token was revoked, as the holder would say it; a reason stored by an older release reads as its words. */
    static String revocationReason(String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        try {
            return revocationReason(RevocationReason.valueOf(stored));
        } catch (IllegalArgumentException unknown) {
            return words(stored);
        }
    }

    static String revocationReason(RevocationReason reason) {
        return switch (reason) {
            case OFFBOARDING -> "The holder left the institution";
            case INACTIVITY -> "Unused for six months";
            case EXPIRED -> "Expired, not renewed";
            case ATTESTATION_FAILED -> "Annual attestation not given";
            case NO_LONGER_NEEDED -> "No longer needed";
            case LEFT_PROJECT -> "The holder left the project";
            case SPONSOR_LEFT -> "The sponsor left";
            case MISUSE -> "Misuse of the API";
            case PERMANENT_BAN -> "Holder banned after repeated suspensions";
            case COMPROMISED -> "Reported compromised";
            case NOT_ADOPTED -> "Made outside this system, not adopted";
            case SERVICE_ACCOUNT -> "Held by a service account";
            case DELETED_IN_REDCAP -> "Deleted in REDCap";
        };
    }

    static String offboardingOutcome(OffboardingOutcome outcome) {
        return switch (outcome) {
            case RECEIVED -> "Received";
            case WAITING -> "Waiting for the effective date";
            case COMPLETED -> "Every token revoked";
            case AWAITING_REDCAP -> "Waiting for REDCap to confirm";
            case IGNORED -> "Ignored: a later event decides";
            case HELD_FOR_WAVE -> "Held for an administrator (termination wave)";
            case REJECTED -> "Rejected by an administrator: tokens given back";
            case RECORDED -> "Recorded (rehire)";
        };
    }

    /** The last use to the minute, or "never". */
    static String lastUse(Instant lastUsedAt) {
        return lastUsedAt == null ? "never" : minute(lastUsedAt);
    }
}
