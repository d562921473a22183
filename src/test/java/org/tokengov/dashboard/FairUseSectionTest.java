package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tokengov.fairuse.FairUseProperties;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRequestRecord;
import org.tokengov.registry.TokenState;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.HourCount;
import org.tokengov.usage.TokenUsage;
import org.tokengov.usage.UsageCounts;

class FairUseSectionTest {

    static final FairUseProperties DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("tokengov.fair-use", FairUseProperties.class);
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theHeatMapMarksThePeakHoursOfTheSettingsAndShadesByTheBusiestHour() {
        long[] week = new long[168];
        week[TokenUsage.hourOfWeek(DayOfWeek.MONDAY, 10)] = 2_000;
        week[TokenUsage.hourOfWeek(DayOfWeek.MONDAY, 11)] = 500;
        week[TokenUsage.hourOfWeek(DayOfWeek.SUNDAY, 2)] = 1;

        HourOfWeekMap map = HourOfWeekMap.of(week, DEFAULTS);

        assertThat(map.days()).extracting(HourOfWeekMap.Day::name)
                .containsExactly("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
        assertThat(map.days()).allSatisfy(day -> assertThat(day.cells()).hasSize(24));
        HourOfWeekMap.Cell mondayTen = map.days().get(0).cells().get(10);
        assertThat(mondayTen.peak()).isTrue();
        assertThat(mondayTen.shade()).isEqualTo(4);
        assertThat(mondayTen.shown()).isEqualTo("2.0k");
        assertThat(mondayTen.label()).isEqualTo("Monday 10:00 to 11:00: 2,000 calls, peak hours");
        assertThat(map.days().get(0).cells().get(11).shade()).isEqualTo(1);
        assertThat(map.days().get(0).cells().get(7).peak()).as("before 08:00").isFalse();
        assertThat(map.days().get(4).cells().get(17).peak()).as("Friday 17:00").isTrue();
        assertThat(map.days().get(4).cells().get(18).peak()).as("18:00 is the end").isFalse();
        assertThat(map.days().get(5).cells()).as("Saturday").noneMatch(HourOfWeekMap.Cell::peak);
        HourOfWeekMap.Cell sundayTwo = map.days().get(6).cells().get(2);
        assertThat(sundayTwo.shade()).isEqualTo(1);
        assertThat(sundayTwo.label()).isEqualTo("Sunday 02:00 to 03:00: 1 call");
        assertThat(map.days().get(6).cells().get(3).shade()).isZero();
        assertThat(map.days().get(6).cells().get(3).shown()).isEmpty();
        assertThat(map.total()).isEqualTo(2_501);
        assertThat(map.peakHours()).isEqualTo("Monday, Tuesday, Wednesday, Thursday, Friday, 08:00 to 18:00");
        assertThat(map.hours()).hasSize(24).startsWith("00").endsWith("23");
    }

    @Test
    void anEmptyWeekIsUnshaded() {
        HourOfWeekMap map = HourOfWeekMap.of(new long[168], DEFAULTS);

        assertThat(map.total()).isZero();
        assertThat(map.days()).allSatisfy(day -> assertThat(day.cells()).allMatch(cell -> cell.shade() == 0));
    }

    @Test
    void countsAreShortenedForCellsOnly() {
        assertThat(HourOfWeekMap.compact(0)).isEmpty();
        assertThat(HourOfWeekMap.compact(999)).isEqualTo("999");
        assertThat(HourOfWeekMap.compact(1_250)).isEqualTo("1.3k");
        assertThat(HourOfWeekMap.compact(35_000)).isEqualTo("35k");
        assertThat(HourOfWeekMap.compact(1_500_000)).isEqualTo("1.5M");
    }

    @Test
    void twoThousandCallsOnADayAgainstFourDeclaredIsFarAbove() {
        IssuedToken token = token(NOW.minus(Duration.ofDays(100)));
        List<HourCount> hours = List.of(hour("2026-12-01T15:00:00Z", 1_500), hour("2026-12-01T16:00:00Z", 500),
                hour("2026-12-03T07:00:00Z", 4));

        DeclaredUseRow row = DeclaredUseRow.of(token, request(4), hours, NEW_YORK, NOW.minus(Duration.ofDays(30)), NOW,
                DEFAULTS.declaredUsage());

        assertThat(row.comparison()).isEqualTo(DeclaredUseRow.Comparison.FAR_ABOVE);
        assertThat(row.declaredCalls()).isEqualTo("4");
        assertThat(row.schedule()).isEqualTo("Nightly at 02:00");
        assertThat(row.busiestDay()).isEqualTo("2026-12-01");
        assertThat(row.busiestDayCalls()).isEqualTo("2,000");
        assertThat(row.averageCalls()).as("2,004 calls in 30 days").isEqualTo("67");
        assertThat(row.detail()).isEqualTo("Busiest day 2,000 calls: more than 10 times the 4 declared.");
        assertThat(row.state()).isEqualTo("Active");
    }

    @Test
    void daysAreREDCapsDaysAndSmallExcessesAreNotFarAbove() {
        IssuedToken token = token(NOW.minus(Duration.ofDays(2)));
        // 03:00 UTC on 2 December is 22:00 on 1 December in New York: the same REDCap day as 20:00 UTC on the 1st.
        List<HourCount> hours = List.of(hour("2026-12-01T20:00:00Z", 30), hour("2026-12-02T03:00:00Z", 30));

        DeclaredUseRow row = DeclaredUseRow.of(token, request(20), hours, NEW_YORK, token.issuedAt(), NOW,
                DEFAULTS.declaredUsage());

        assertThat(row.busiestDay()).isEqualTo("2026-12-01");
        assertThat(row.busiestDayCalls()).isEqualTo("60");
        assertThat(row.averageCalls()).as("60 calls in the 2 days since the issue").isEqualTo("30");
        assertThat(row.comparison()).as("above 20 a day, not ten times it").isEqualTo(DeclaredUseRow.Comparison.ABOVE);
        assertThat(row.detail()).isEmpty();
    }

    @Test
    void unusedTokensAndTokensWithoutARequestSaySo() {
        IssuedToken token = token(NOW.minus(Duration.ofDays(100)));

        assertThat(DeclaredUseRow.of(token, request(4), List.of(), NEW_YORK, NOW.minus(Duration.ofDays(30)), NOW,
                DEFAULTS.declaredUsage()).comparison()).isEqualTo(DeclaredUseRow.Comparison.UNUSED);
        DeclaredUseRow found = DeclaredUseRow.of(token, null, List.of(hour("2026-12-01T15:00:00Z", 9_000)), NEW_YORK,
                NOW.minus(Duration.ofDays(30)), NOW, DEFAULTS.declaredUsage());
        assertThat(found.comparison()).isEqualTo(DeclaredUseRow.Comparison.UNDECLARED);
        assertThat(found.declaredCalls()).isEqualTo("not declared");
        assertThat(DeclaredUseRow.of(token, request(4), List.of(hour("2026-12-01T15:00:00Z", 100)), NEW_YORK,
                NOW.minus(Duration.ofDays(30)), NOW, DEFAULTS.declaredUsage()).comparison())
                .as("3.3 calls a day").isEqualTo(DeclaredUseRow.Comparison.WITHIN);
    }

    @Test
    void namesReadAsWords() {
        for (FairUseRule rule : FairUseRule.values()) {
            assertThat(Readable.rule(rule)).doesNotContain("_").isNotBlank();
        }
        assertThat(Readable.certainty(Certainty.SUSPECTED)).startsWith("Suspected");
        assertThat(Readable.words("WAITING_FOR_HOLDER")).isEqualTo("Waiting for holder");
        assertThat(Readable.words(null)).isEmpty();
        assertThat(Readable.count(1_234_567)).isEqualTo("1,234,567");
        for (TokenState state : TokenState.values()) {
            assertThat(Readable.tokenState(state)).doesNotContain("_");
        }
    }

    private static IssuedToken token(Instant issuedAt) {
        return new IssuedToken("tok-1", "req-1", "alice", RedcapEnvironment.PROD, 101, true, false, false, TokenState.ACTIVE,
                issuedAt, issuedAt.plus(Duration.ofDays(365)), null, null, null, null, 0L);
    }

    private static TokenRequestRecord request(long expectedCallsPerDay) {
        return new TokenRequestRecord("req-1", "R-1", "alice", 101, 201, true, false, false, "SCHEDULED_EXPORT", "Exports",
                "Nightly at 02:00", expectedCallsPerDay, true, RequestStatus.APPROVED, null, NOW.minus(Duration.ofDays(200)),
                null, false, 0L);
    }

    private static HourCount hour(String start, long calls) {
        Instant hour = Instant.parse(start);
        return new HourCount(hour, new UsageCounts(calls, 0, 0, 0, 0), Math.min(calls, 60), hour);
    }
}
