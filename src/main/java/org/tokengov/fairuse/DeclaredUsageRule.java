package org.tokengov.fairuse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.HourCount;

/**
 * {@code DECLARED_USAGE_EXCEEDED}: a token used far beyond what its request declared. What it sees: calls per REDCap
 * day against {@code expectedCallsPerDay} (more than {@code factor} times it, and more than {@code minimumCalls}); and
 * calls outside the hours the {@code callSchedule} names (more than {@code minimumCalls} in a day), when it names clock
 * times ({@link DeclaredSchedule}). It cannot see what a call did beyond its kind, and a schedule in words without
 * times ("weekly") is not checked.
 */
final class DeclaredUsageRule {

    private final FairUseProperties properties;

    DeclaredUsageRule(FairUseProperties properties) {
        this.properties = properties;
    }

    /** One observation per REDCap day on which the token exceeded what was declared. */
    List<Observation> evaluate(List<HourCount> hours, long expectedCallsPerDay, String callSchedule, ZoneId zone) {
        Set<Integer> declaredHours = DeclaredSchedule.hours(callSchedule);
        Map<LocalDate, long[]> days = new TreeMap<>();
        Map<LocalDate, Instant> lastHour = new TreeMap<>();
        for (HourCount hour : hours) {
            LocalDate day = RedcapDays.day(hour.hour(), zone);
            long[] figures = days.computeIfAbsent(day, any -> new long[2]);
            figures[0] += hour.counts().calls();
            if (!declaredHours.isEmpty() && !declaredHours.contains(hour.hour().atZone(zone).getHour())) {
                figures[1] += hour.counts().calls();
            }
            lastHour.put(day, hour.hour().plusSeconds(3600));
        }
        long minimum = properties.declaredUsage().minimumCalls();
        long dailyThreshold = Math.max((long) properties.declaredUsage().factor() * expectedCallsPerDay, minimum);
        List<Observation> found = new ArrayList<>();
        days.forEach((day, figures) -> {
            List<String> seen = new ArrayList<>();
            boolean severe = false;
            if (figures[0] > dailyThreshold) {
                seen.add(String.format(Locale.ROOT, "%,d calls on %s against %,d a day declared (threshold: %,d)",
                        figures[0], RedcapDays.day(day), expectedCallsPerDay, dailyThreshold));
                severe = figures[0] >= (long) properties.severeFactor() * dailyThreshold;
            }
            if (figures[1] > minimum) {
                seen.add(String.format(Locale.ROOT, "%,d calls on %s outside the declared schedule \"%s\" (hours %s,"
                        + " REDCap time %s; threshold: %,d)", figures[1], RedcapDays.day(day), callSchedule,
                        declaredHours, zone, minimum));
            }
            if (!seen.isEmpty()) {
                found.add(new Observation(FairUseRule.DECLARED_USAGE_EXCEEDED, Certainty.CONFIRMED, severe,
                        RedcapDays.startOf(day, zone), lastHour.get(day), String.join("; ", seen) + "."));
            }
        });
        return found;
    }
}
