package org.tokengov.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tokengov.fairuse.FairUseProperties;
import org.tokengov.usage.TokenUsage;

/**
 * API calls by hour of the week as a heat map: a table of 7 days by 24 hours (REDCap's time), each cell shaded by its
 * share of the busiest hour ({@code shade} 0 for none, 1 to 4) and marked where the policy's peak hours are. The table
 * is its own text alternative: each cell carries its day, hour, count and whether it is a peak hour in words.
 *
 * @param peakHours the peak hours in words, from the fair-use settings
 */
record HourOfWeekMap(List<Day> days, long total, String peakHours) {

    /** Shades above zero: a cell's count is put in one of this many bands of the busiest hour's count. */
    static final int SHADES = 4;
    /** A Monday: peak hours are asked of the settings for a moment of the right weekday and hour. */
    private static final LocalDate A_MONDAY = LocalDate.of(2024, 1, 1);

    record Day(String name, List<Cell> cells) {
    }

    /** {@code shown}: the count short enough for a narrow cell (empty for none); {@code label}: all of it in words. */
    record Cell(int hour, long calls, String shown, int shade, boolean peak, String label) {
    }

    /** {@code week}: 168 counts, index {@code (dayOfWeek - 1) * 24 + hour}, Monday 00:00 first. */
    static HourOfWeekMap of(long[] week, FairUseProperties fairUse) {
        long busiest = Arrays.stream(week).max().orElse(0);
        List<Day> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            List<Cell> cells = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                long calls = week[TokenUsage.hourOfWeek(day, hour)];
                boolean peak = fairUse.peak(A_MONDAY.plusDays(day.ordinal()).atTime(hour, 0).atZone(ZoneOffset.UTC));
                cells.add(new Cell(hour, calls, compact(calls), shade(calls, busiest), peak,
                        String.format(Locale.ROOT, "%s %s: %s %s%s", name, hours(hour), Readable.count(calls),
                                calls == 1 ? "call" : "calls", peak ? ", peak hours" : "")));
            }
            days.add(new Day(name, cells));
        }
        return new HourOfWeekMap(days, Arrays.stream(week).sum(), peakHours(fairUse));
    }

    /** The column headings: "00" to "23". */
    public List<String> hours() {
        return IntStream.range(0, 24).mapToObj(hour -> String.format(Locale.ROOT, "%02d", hour)).toList();
    }

    static int shade(long calls, long busiest) {
        return calls <= 0 || busiest <= 0 ? 0 : (int) (1 + (calls - 1) * SHADES / busiest);
    }

    /** "950", "1.2k", "35k", "1.5M": what fits a cell; the cell's label has the exact count. */
    static String compact(long calls) {
        if (calls <= 0) {
            return "";
        }
        if (calls < 1_000) {
            return Long.toString(calls);
        }
        if (calls < 1_000_000) {
            return calls < 10_000 ? String.format(Locale.ROOT, "%.1fk", calls / 1_000.0) : calls / 1_000 + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", calls / 1_000_000.0);
    }

    private static String hours(int hour) {
        return String.format(Locale.ROOT, "%02d:00 to %02d:00", hour, hour + 1);
    }

    private static String peakHours(FairUseProperties fairUse) {
        String days = fairUse.peakDays().stream().sorted()
                .map(day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s, %02d:00 to %02d:00", days, fairUse.peakStartHour(), fairUse.peakEndHour());
    }
}
