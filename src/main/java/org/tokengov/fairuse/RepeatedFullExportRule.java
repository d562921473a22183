package org.tokengov.fairuse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.ReportedExport;
import org.tokengov.usage.HourCount;

/**
 * {@code REPEATED_FULL_EXPORT}: the same token exporting records again and again. What it sees: REDCap's log does not
 * record which records, fields or filters an export asked for, so the nightly incremental export the policy
 * recommends looks like a full one. From the log alone the rule therefore only suspects, and only exports in peak
 * hours on several days ({@code peak-exports-per-day} or more in a day's peak hours, default one; off-peak exports are
 * what the policy asks for): suspected findings are shown to
 * administrators and never reach the holder or open a case. With the usage-event intake it sees the parameters: whole-
 * project exports (no records, filter or date range) on several days are confirmed, whatever the hour.
 */
final class RepeatedFullExportRule {

    private final FairUseProperties properties;

    RepeatedFullExportRule(FairUseProperties properties) {
        this.properties = properties;
    }

    /**
     * @param exportHours the token's hours with record exports in the window
     * @param reported the token's record exports in the window as the intake reported them
     */
    Optional<Observation> evaluate(List<HourCount> exportHours, List<ReportedExport> reported, ZoneId zone,
            Instant now) {
        int needed = properties.repeatedFullExport().days();
        int window = properties.repeatedFullExport().windowDays();
        SortedSet<LocalDate> fullExportDays = reported.stream().filter(export -> !export.filtered())
                .map(export -> RedcapDays.day(export.at(), zone)).collect(Collectors.toCollection(TreeSet::new));
        if (fullExportDays.size() >= needed) {
            return Optional.of(observation(Certainty.CONFIRMED, fullExportDays, zone, now, String.format(
                    "Whole-project record exports (no records, filter or date range, as the usage-event intake reported"
                            + " them) on %d of the last %d days: %s.", fullExportDays.size(), window,
                    days(fullExportDays))));
        }
        int perDay = properties.repeatedFullExport().peakExportsPerDay();
        Map<LocalDate, Long> peakExportsByDay = exportHours.stream()
                .filter(hour -> hour.counts().recordExports() > 0 && properties.peak(hour.hour().atZone(zone)))
                .collect(Collectors.groupingBy(hour -> RedcapDays.day(hour.hour(), zone),
                        Collectors.summingLong(hour -> hour.counts().recordExports())));
        SortedSet<LocalDate> peakExportDays = peakExportsByDay.entrySet().stream()
                .filter(day -> day.getValue() >= perDay).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        if (peakExportDays.size() >= needed) {
            String exports = perDay == 1 ? "Record exports" : perDay + " or more record exports";
            return Optional.of(observation(Certainty.SUSPECTED, peakExportDays, zone, now, String.format(
                    "%s in peak hours on %d of the last %d days: %s. REDCap does not log filters, so these may be"
                            + " incremental exports; suspected only.", exports, peakExportDays.size(), window,
                    days(peakExportDays))));
        }
        return Optional.empty();
    }

    private static Observation observation(Certainty certainty, SortedSet<LocalDate> days, ZoneId zone, Instant now,
            String observed) {
        return new Observation(FairUseRule.REPEATED_FULL_EXPORT, certainty, false, RedcapDays.startOf(days.first(), zone),
                now, observed);
    }

    private static String days(SortedSet<LocalDate> days) {
        return days.stream().map(RedcapDays::day).collect(Collectors.joining(", "));
    }
}
