package org.tokengov.fairuse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.ReportedExport;
import org.tokengov.usage.HourCount;

/**
 * {@code PEAK_HOUR_BULK_EXPORT}: bulk downloads in peak hours. What it sees: REDCap logs a record export or a file
 * download as one row, with no row count or size, so from the log alone "bulk" means many such calls in one peak hour
 * (confirmed). With the usage-event intake it also sees parameters: a peak-hour export of the whole project (no
 * records, filter or date range) is suspected, as its size is still unknown; more explicitly requested records in
 * one peak hour than the threshold is confirmed.
 */
final class PeakHourBulkExportRule {

    private final FairUseProperties properties;

    PeakHourBulkExportRule(FairUseProperties properties) {
        this.properties = properties;
    }

    /** One observation per REDCap day with peak-hour bulk downloads, the strongest first seen that day. */
    List<Observation> evaluate(List<HourCount> hours, List<ReportedExport> reported, ZoneId zone) {
        Map<LocalDate, Observation> byDay = new TreeMap<>();
        int threshold = properties.peakHourBulkExport().exportsPerHour();
        for (HourCount hour : hours) {
            long bulk = hour.counts().bulkDownloads();
            if (!properties.peak(hour.hour().atZone(zone)) || bulk <= threshold) {
                continue;
            }
            String observed = String.format(Locale.ROOT, "%,d bulk downloads (%,d record exports, %,d file downloads)"
                            + " between %s and %s on %s, in peak hours (REDCap time, %s; threshold: %d in an hour).",
                    bulk, hour.counts().recordExports(), hour.counts().fileDownloads(), RedcapDays.time(hour.hour(), zone),
                    RedcapDays.time(hour.hour().plus(Duration.ofHours(1)), zone),
                    RedcapDays.day(RedcapDays.day(hour.hour(), zone)), zone, threshold);
            keepStronger(byDay, zone, hour.hour(), Certainty.CONFIRMED,
                    bulk >= (long) properties.severeFactor() * threshold, observed);
        }
        evaluateReported(reported, zone, byDay);
        return new ArrayList<>(byDay.values());
    }

    private void evaluateReported(List<ReportedExport> reported, ZoneId zone, Map<LocalDate, Observation> byDay) {
        Map<Instant, int[]> peakHours = new TreeMap<>();
        for (ReportedExport export : reported) {
            if (!properties.peak(export.at().atZone(zone))) {
                continue;
            }
            int[] hour = peakHours.computeIfAbsent(export.at().atZone(zone).withMinute(0).withSecond(0).withNano(0)
                    .toInstant(), any -> new int[2]);
            hour[0] += export.filtered() ? 0 : 1;
            hour[1] += export.records();
        }
        int recordThreshold = properties.peakHourBulkExport().recordsPerHour();
        peakHours.forEach((hour, figures) -> {
            String when = " between " + RedcapDays.time(hour, zone) + " and "
                    + RedcapDays.time(hour.plus(Duration.ofHours(1)), zone) + " on "
                    + RedcapDays.day(RedcapDays.day(hour, zone)) + ", in peak hours (REDCap time, " + zone + ")";
            if (figures[1] > recordThreshold) {
                keepStronger(byDay, zone, hour, Certainty.CONFIRMED,
                        figures[1] >= (long) properties.severeFactor() * recordThreshold,
                        String.format(Locale.ROOT, "%,d records requested by record exports%s (threshold: %,d in an"
                                + " hour), as the usage-event intake reported them.", figures[1], when, recordThreshold));
            } else if (figures[0] > 0) {
                keepStronger(byDay, zone, hour, Certainty.SUSPECTED, false, String.format(Locale.ROOT,
                        "%d export(s) of the whole project (no records, filter or date range)%s, as the usage-event"
                                + " intake reported them; REDCap does not log how many records they returned.",
                        figures[0], when));
            }
        });
    }

    private static void keepStronger(Map<LocalDate, Observation> byDay, ZoneId zone, Instant hour, Certainty certainty,
            boolean severe, String observed) {
        LocalDate day = RedcapDays.day(hour, zone);
        Observation known = byDay.get(day);
        if (known != null && (known.certainty() == Certainty.CONFIRMED || certainty == Certainty.SUSPECTED)) {
            return;
        }
        byDay.put(day, new Observation(FairUseRule.PEAK_HOUR_BULK_EXPORT, certainty, severe,
                RedcapDays.startOf(day, zone), hour.plus(Duration.ofHours(1)), observed));
    }
}
