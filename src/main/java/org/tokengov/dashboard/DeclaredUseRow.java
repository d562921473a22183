package org.tokengov.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tokengov.fairuse.FairUseProperties.DeclaredUsage;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.usage.HourCount;

/**
 * A live token's declared use (calls per day and schedule, from its request as the requester submitted it) next to
 * what REDCap's log shows it did: calls per day on average over the period (from the token's issue if later) and its
 * busiest day, days counted in REDCap's time. "Far above" is the rule {@code DECLARED_USAGE_EXCEEDED}'s own test: a
 * day with more than {@code factor} times the declared calls, and more than its minimum.
 *
 * @param comparison how observed compares with declared
 * @param detail the numbers behind a "far above", in words; empty otherwise
 */
record DeclaredUseRow(String tokenId, String holder, String environment, long projectId, String state,
        String declaredCalls, String schedule, String averageCalls, String busiestDay, String busiestDayCalls,
        Comparison comparison, String detail) {

    enum Comparison {
        FAR_ABOVE("far-above", "Far above declared"),
        ABOVE("above", "Above declared"),
        WITHIN("within", "Within declared"),
        UNUSED("unused", "No calls"),
        UNDECLARED("undeclared", "Nothing declared");

        /** The row's marker in the page (attribute and style). */
        final String key;
        final String words;

        Comparison(String key, String words) {
            this.key = key;
            this.words = words;
        }

        public String key() {
            return key;
        }

        public String words() {
            return words;
        }
    }

    /**
     * @param request the token's request, null for a token not requested here (found in REDCap and adopted)
     * @param hours the token's hours with calls from {@code from} to {@code now}
     * @param from the period's start: its issue, if later than the period's usual start
     */
    static DeclaredUseRow of(IssuedToken token, TokenRequestRecord request, List<HourCount> hours, ZoneId zone,
            Instant from, Instant now, DeclaredUsage threshold) {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        long calls = 0;
        for (HourCount hour : hours) {
            byDay.merge(hour.hour().atZone(zone).toLocalDate(), hour.counts().calls(), Long::sum);
            calls += hour.counts().calls();
        }
        Map.Entry<LocalDate, Long> busiest = byDay.entrySet().stream()
                .max(Map.Entry.<LocalDate, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElse(null);
        double days = Math.max(1.0, Duration.between(from, now).toSeconds() / 86_400.0);
        double average = calls / days;
        long busiestCalls = busiest == null ? 0 : busiest.getValue();
        Comparison comparison;
        String detail = "";
        if (request == null) {
            comparison = Comparison.UNDECLARED;
        } else if (calls == 0) {
            comparison = Comparison.UNUSED;
        } else if (busiestCalls > threshold.factor() * request.expectedCallsPerDay() && busiestCalls > threshold.minimumCalls()) {
            comparison = Comparison.FAR_ABOVE;
            detail = "Busiest day " + Readable.count(busiestCalls) + " calls: more than " + threshold.factor()
                    + " times the " + Readable.count(request.expectedCallsPerDay()) + " declared.";
        } else if (average > request.expectedCallsPerDay()) {
            comparison = Comparison.ABOVE;
        } else {
            comparison = Comparison.WITHIN;
        }
        return new DeclaredUseRow(token.id(), token.holder(), token.environment().name(), token.projectId(),
                Readable.tokenState(token.state()),
                request == null ? "not declared" : Readable.count(request.expectedCallsPerDay()),
                request == null ? "" : request.callSchedule(), Readable.average(average),
                busiest == null ? "" : busiest.getKey().toString(), Readable.count(busiestCalls), comparison, detail);
    }
}
