package org.tokengov.usage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A token's observed use over a span: what people deciding about it see next to what was declared.
 *
 * @param callsByHourOfDay 24 counts, by the hour of day in REDCap's time zone
 * @param busiestMinuteAt null when there was no call
 * @param lastCallAt null when there was no call
 * @param zone REDCap's time zone, in which hours of day are counted and times are shown
 */
public record UsageSummary(Instant from, Instant to, UsageCounts counts, long busiestMinuteCalls, Instant busiestMinuteAt,
        long[] callsByHourOfDay, Instant lastCallAt, int daysWithCalls, ZoneId zone) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public boolean used() {
        return counts.calls() > 0;
    }

    /** In words, for a task form: calls by kind, busiest minute, hours of day, last call. */
    public String describe() {
        if (!used()) {
            return "No API call logged by REDCap from " + shown(from) + " to " + shown(to) + " (REDCap time, " + zone + ").";
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s from %s to %s (REDCap time, %s), on %s: %s, %s, %s, %s, %s other.",
                count(counts.calls(), "API call"), shown(from), shown(to), zone, count(daysWithCalls, "day"),
                count(counts.recordExports(), "record export"), count(counts.fileDownloads(), "file download"),
                count(counts.otherExports(), "other export"), count(counts.imports(), "import"),
                String.format(Locale.ROOT, "%,d", otherCalls())));
        text.append(String.format(Locale.ROOT, " Busiest minute: %s at %s.", count(busiestMinuteCalls, "call"),
                shown(busiestMinuteAt)));
        text.append(" Hours of day with calls: ").append(String.join(", ", hoursWithCalls())).append('.');
        text.append(" Last call: ").append(shown(lastCallAt)).append('.');
        return text.toString();
    }

    private static String count(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    private long otherCalls() {
        return counts.calls() - counts.recordExports() - counts.fileDownloads() - counts.otherExports() - counts.imports();
    }

    private List<String> hoursWithCalls() {
        List<String> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            if (callsByHourOfDay[hour] > 0) {
                hours.add(String.format(Locale.ROOT, "%02d:00 %,d", hour, callsByHourOfDay[hour]));
            }
        }
        return hours;
    }

    private String shown(Instant at) {
        return at == null ? "—" : SHOWN.format(at.atZone(zone));
    }
}
