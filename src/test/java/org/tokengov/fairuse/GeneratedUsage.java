package org.tokengov.fairuse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tokengov.usage.HourCount;
import org.tokengov.usage.MinuteCount;
import org.tokengov.usage.UsageCounts;
import org.tokengov.usage.UsageKind;

/**
 * A generated stream of one token's API calls, in REDCap's local time, counted per minute and hour as the usage
 * counts hold them (one call's counts, summed; the hour's busiest minute).
 */
final class GeneratedUsage {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final List<Instant> calls = new ArrayList<>();
    private final List<UsageKind> kinds = new ArrayList<>();

    /** {@code count} calls of a kind, {@code everySeconds} apart, from a local time on. */
    GeneratedUsage every(int everySeconds, int count, LocalDateTime from, UsageKind kind) {
        Instant start = from.atZone(NEW_YORK).toInstant();
        for (int i = 0; i < count; i++) {
            calls.add(start.plusSeconds((long) i * everySeconds));
            kinds.add(kind);
        }
        return this;
    }

    GeneratedUsage once(LocalDateTime at, UsageKind kind) {
        return every(1, 1, at, kind);
    }

    List<MinuteCount> minutes() {
        Map<Instant, UsageCounts> minutes = new TreeMap<>();
        for (int i = 0; i < calls.size(); i++) {
            minutes.merge(calls.get(i).truncatedTo(ChronoUnit.MINUTES), counts(kinds.get(i)), UsageCounts::plus);
        }
        return minutes.entrySet().stream().map(e -> new MinuteCount(e.getKey(), e.getValue())).toList();
    }

    List<HourCount> hours() {
        Map<Instant, List<MinuteCount>> hours = new TreeMap<>();
        for (MinuteCount minute : minutes()) {
            hours.computeIfAbsent(minute.minute().truncatedTo(ChronoUnit.HOURS), any -> new ArrayList<>()).add(minute);
        }
        List<HourCount> counted = new ArrayList<>();
        hours.forEach((hour, minutes) -> {
            MinuteCount busiest = minutes.stream().max((a, b) -> Long.compare(a.counts().calls(), b.counts().calls()))
                    .orElseThrow();
            counted.add(new HourCount(hour, minutes.stream().map(MinuteCount::counts).reduce(UsageCounts.NONE,
                    UsageCounts::plus), busiest.counts().calls(), busiest.minute()));
        });
        return counted;
    }

    private static UsageCounts counts(UsageKind kind) {
        return new UsageCounts(1, kind == UsageKind.RECORD_EXPORT ? 1 : 0, kind == UsageKind.OTHER_EXPORT ? 1 : 0,
                kind == UsageKind.IMPORT ? 1 : 0, kind == UsageKind.FILE_DOWNLOAD ? 1 : 0);
    }
}
