package org.tokengov.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Requests submitted in each of the last {@value #MONTHS} calendar months (UTC), the current one last; empty months count 0. */
final class RequestsPerMonth {

    static final int MONTHS = 12;

    private RequestsPerMonth() {
    }

    /** The first instant the chart counts: the start of its first month. */
    static Instant firstMonthStart(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(MONTHS - 1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static List<Bar> of(List<Instant> submissions, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Map<YearMonth, Long> counts = submissions.stream()
                .map(submitted -> YearMonth.from(submitted.atZone(ZoneOffset.UTC)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return IntStream.range(0, MONTHS)
                .mapToObj(back -> current.minusMonths(MONTHS - 1 - back))
                .map(month -> new Bar(month.toString(), counts.getOrDefault(month, 0L)))
                .toList();
    }
}
