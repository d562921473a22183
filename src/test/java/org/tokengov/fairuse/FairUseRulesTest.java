package org.tokengov.fairuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.fairuse.GeneratedUsage.NEW_YORK;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.ReportedExport;
import org.tokengov.usage.UsageKind;

/** The rules on generated log streams, with the default thresholds as application.yml binds them. */
class FairUseRulesTest {

    /** Monday 7 December 2026. */
    static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 0, 0);

    final FairUseProperties properties = new Binder(new MapConfigurationPropertySource(java.util.Map.of()))
            .bindOrCreate("tokengov.fair-use", FairUseProperties.class);

    @Test
    void pollingEveryFiveSecondsForAnHourIsFound() {
        GeneratedUsage usage = new GeneratedUsage().every(5, 720, MONDAY.withHour(10), UsageKind.OTHER_EXPORT);

        Optional<Observation> found = new PollingRule(properties).evaluate(usage.minutes(), NEW_YORK);

        assertThat(found).hasValueSatisfying(observation -> {
            assertThat(observation.rule()).isEqualTo(FairUseRule.POLLING);
            assertThat(observation.certainty()).isEqualTo(Certainty.CONFIRMED);
            assertThat(observation.severe()).as("12 a minute is twice the threshold, not ten times").isFalse();
            assertThat(observation.observed()).contains("720 calls in 60 consecutive minutes", "from 10:00 to 11:00",
                    "one call every 5.0 s");
            assertThat(observation.windowStart()).isEqualTo(MONDAY.atZone(NEW_YORK).toInstant());
        });
    }

    @Test
    void pollingShorterThanTheThresholdOrSlowerIsNot() {
        PollingRule rule = new PollingRule(properties);
        assertThat(rule.evaluate(new GeneratedUsage().every(5, 12 * 29, MONDAY.withHour(10), UsageKind.OTHER)
                .minutes(), NEW_YORK)).as("29 minutes").isEmpty();
        assertThat(rule.evaluate(new GeneratedUsage().every(15, 4 * 120, MONDAY.withHour(10), UsageKind.OTHER)
                .minutes(), NEW_YORK)).as("every 15 s for two hours").isEmpty();
    }

    @Test
    void pollingEverySecondIsSevere() {
        assertThat(new PollingRule(properties).evaluate(new GeneratedUsage().every(1, 3600, MONDAY.withHour(3),
                UsageKind.OTHER).minutes(), NEW_YORK)).hasValueSatisfying(o -> assertThat(o.severe()).isTrue());
    }

    @Test
    void aNightlyExportAtTwoIsNoFinding() {
        GeneratedUsage usage = new GeneratedUsage();
        for (int day = 0; day < 7; day++) {
            usage.every(2, 30, MONDAY.plusDays(day).withHour(2), UsageKind.RECORD_EXPORT);
        }
        Instant now = MONDAY.plusDays(7).atZone(NEW_YORK).toInstant();

        assertThat(new PeakHourBulkExportRule(properties).evaluate(usage.hours(), List.of(), NEW_YORK)).isEmpty();
        assertThat(new RepeatedFullExportRule(properties).evaluate(usage.hours(), List.of(), NEW_YORK, now)).isEmpty();
        assertThat(new PollingRule(properties).evaluate(usage.minutes(), NEW_YORK)).isEmpty();
        assertThat(new DeclaredUsageRule(properties).evaluate(usage.hours(), 30, "nightly at 02:00", NEW_YORK)).isEmpty();
    }

    @Test
    void fullExportsAtTenOnThreeWeekdaysAreSuspected() {
        GeneratedUsage usage = new GeneratedUsage();
        for (int day = 0; day < 3; day++) {
            usage.once(MONDAY.plusDays(day).withHour(10), UsageKind.RECORD_EXPORT);
        }
        Instant now = MONDAY.plusDays(3).atZone(NEW_YORK).toInstant();

        Optional<Observation> found = new RepeatedFullExportRule(properties).evaluate(usage.hours(), List.of(), NEW_YORK,
                now);

        assertThat(found).hasValueSatisfying(observation -> {
            assertThat(observation.certainty()).isEqualTo(Certainty.SUSPECTED);
            assertThat(observation.observed()).contains("3 of the last 7 days", "Mon 2026-12-07", "Wed 2026-12-09",
                    "REDCap does not log filters");
        });
        assertThat(new PeakHourBulkExportRule(properties).evaluate(usage.hours(), List.of(), NEW_YORK))
                .as("one export an hour is no bulk download").isEmpty();
    }

    @Test
    void withThreeExportsADayRequiredOnlyDaysOfRepeatedPeakExportsCount() {
        FairUseProperties threeADay = new Binder(new MapConfigurationPropertySource(
                java.util.Map.of("tokengov.fair-use.repeated-full-export.peak-exports-per-day", "3")))
                .bindOrCreate("tokengov.fair-use", FairUseProperties.class);
        GeneratedUsage twice = new GeneratedUsage();
        GeneratedUsage thrice = new GeneratedUsage();
        for (int day = 0; day < 3; day++) {
            for (int hour : new int[] {10, 13}) {
                twice.once(MONDAY.plusDays(day).withHour(hour), UsageKind.RECORD_EXPORT);
                thrice.once(MONDAY.plusDays(day).withHour(hour), UsageKind.RECORD_EXPORT);
            }
            thrice.once(MONDAY.plusDays(day).withHour(16), UsageKind.RECORD_EXPORT);
        }
        thrice.once(MONDAY.plusDays(3).withHour(10), UsageKind.RECORD_EXPORT);
        Instant now = MONDAY.plusDays(4).atZone(NEW_YORK).toInstant();

        assertThat(new RepeatedFullExportRule(threeADay).evaluate(twice.hours(), List.of(), NEW_YORK, now))
                .as("two exports a day").isEmpty();
        assertThat(new RepeatedFullExportRule(threeADay).evaluate(thrice.hours(), List.of(), NEW_YORK, now))
                .hasValueSatisfying(observation -> assertThat(observation.observed())
                        .contains("3 or more record exports in peak hours on 3 of the last 7 days")
                        .as("Thursday's single export does not count").doesNotContain("Thu"));
    }

    @Test
    void fullExportsTheIntakeShowsUnfilteredAreConfirmed() {
        GeneratedUsage usage = new GeneratedUsage();
        List<ReportedExport> reported = new java.util.ArrayList<>();
        for (int day = 0; day < 3; day++) {
            usage.once(MONDAY.plusDays(day).withHour(10), UsageKind.RECORD_EXPORT);
            reported.add(new ReportedExport(MONDAY.plusDays(day).withHour(10).atZone(NEW_YORK).toInstant(), false, 0, 0));
        }
        Instant now = MONDAY.plusDays(3).atZone(NEW_YORK).toInstant();

        assertThat(new RepeatedFullExportRule(properties).evaluate(usage.hours(), reported, NEW_YORK, now))
                .hasValueSatisfying(observation -> {
                    assertThat(observation.certainty()).isEqualTo(Certainty.CONFIRMED);
                    assertThat(observation.observed()).contains("Whole-project record exports", "3 of the last 7 days");
                });
    }

    @Test
    void nightlyExportsTheIntakeShowsFilteredAreNoFinding() {
        GeneratedUsage usage = new GeneratedUsage();
        List<ReportedExport> reported = new java.util.ArrayList<>();
        for (int day = 0; day < 7; day++) {
            usage.once(MONDAY.plusDays(day).withHour(2), UsageKind.RECORD_EXPORT);
            reported.add(new ReportedExport(MONDAY.plusDays(day).withHour(2).atZone(NEW_YORK).toInstant(), true, 0, 0));
        }
        assertThat(new RepeatedFullExportRule(properties).evaluate(usage.hours(), reported, NEW_YORK,
                MONDAY.plusDays(7).atZone(NEW_YORK).toInstant())).isEmpty();
    }

    @Test
    void bulkDownloadsInAPeakHourAreFoundOffPeakNot() {
        GeneratedUsage peak = new GeneratedUsage().every(60, 25, MONDAY.withHour(11), UsageKind.FILE_DOWNLOAD);
        GeneratedUsage evening = new GeneratedUsage().every(60, 25, MONDAY.withHour(19), UsageKind.FILE_DOWNLOAD);
        GeneratedUsage saturday = new GeneratedUsage().every(60, 25, MONDAY.plusDays(5).withHour(11), UsageKind.RECORD_EXPORT);
        PeakHourBulkExportRule rule = new PeakHourBulkExportRule(properties);

        assertThat(rule.evaluate(peak.hours(), List.of(), NEW_YORK)).singleElement().satisfies(observation -> {
            assertThat(observation.rule()).isEqualTo(FairUseRule.PEAK_HOUR_BULK_EXPORT);
            assertThat(observation.certainty()).isEqualTo(Certainty.CONFIRMED);
            assertThat(observation.observed()).contains("25 bulk downloads", "25 file downloads", "between 11:00 and 12:00",
                    "Mon 2026-12-07");
        });
        assertThat(rule.evaluate(evening.hours(), List.of(), NEW_YORK)).isEmpty();
        assertThat(rule.evaluate(saturday.hours(), List.of(), NEW_YORK)).isEmpty();
    }

    @Test
    void aPeakHourExportOfTheWholeProjectIsSuspectedManyRecordsConfirmed() {
        Instant tenOClock = MONDAY.withHour(10).plusMinutes(5).atZone(NEW_YORK).toInstant();
        PeakHourBulkExportRule rule = new PeakHourBulkExportRule(properties);

        assertThat(rule.evaluate(List.of(), List.of(new ReportedExport(tenOClock, false, 0, 0)), NEW_YORK))
                .singleElement().satisfies(o -> assertThat(o.certainty()).isEqualTo(Certainty.SUSPECTED));
        assertThat(rule.evaluate(List.of(), List.of(new ReportedExport(tenOClock, true, 60000, 3)), NEW_YORK))
                .singleElement().satisfies(o -> {
                    assertThat(o.certainty()).isEqualTo(Certainty.CONFIRMED);
                    assertThat(o.observed()).contains("60,000 records requested");
                });
    }

    @Test
    void twoThousandCallsADayAgainstFourDeclaredIsFound() {
        GeneratedUsage usage = new GeneratedUsage().every(20, 2000, MONDAY.withHour(1), UsageKind.IMPORT);

        List<Observation> found = new DeclaredUsageRule(properties).evaluate(usage.hours(), 4, "every night", NEW_YORK);

        assertThat(found).singleElement().satisfies(observation -> {
            assertThat(observation.rule()).isEqualTo(FairUseRule.DECLARED_USAGE_EXCEEDED);
            assertThat(observation.observed()).contains("2,000 calls on Mon 2026-12-07 against 4 a day declared")
                    .doesNotContain("outside the declared schedule");
        });
        assertThat(new DeclaredUsageRule(properties).evaluate(usage.hours(), 400, "every night", NEW_YORK))
                .as("declared 400 a day: 2,000 is within ten times").isEmpty();
    }

    @Test
    void heavyUseOutsideTheDeclaredHoursIsFound() {
        GeneratedUsage usage = new GeneratedUsage().every(30, 600, MONDAY.withHour(13), UsageKind.RECORD_EXPORT);

        assertThat(new DeclaredUsageRule(properties).evaluate(usage.hours(), 1000, "nightly at 02:00", NEW_YORK))
                .singleElement().satisfies(o -> assertThat(o.observed())
                        .contains("600 calls on Mon 2026-12-07 outside the declared schedule \"nightly at 02:00\"",
                                "hours [2, 3]"));
        assertThat(new DeclaredUsageRule(properties).evaluate(usage.hours(), 1000, "weekdays at 1 pm", NEW_YORK))
                .as("13:00 and the hour after are declared").isEmpty();
    }

    @Test
    void theScheduleReadsClockTimesOnly() {
        assertThat(DeclaredSchedule.hours("nightly at 02:00, Mondays at 22h30")).containsExactly(2, 3, 22, 23);
        assertThat(DeclaredSchedule.hours("at 11 pm and 6am")).containsExactly(0, 6, 7, 23);
        assertThat(DeclaredSchedule.hours("every 5 minutes")).isEmpty();
        assertThat(DeclaredSchedule.hours(null)).isEmpty();
    }

    @Test
    void peakHoursAreRedcapsLocalTime() {
        assertThat(properties.peak(MONDAY.withHour(8).atZone(NEW_YORK))).isTrue();
        assertThat(properties.peak(MONDAY.withHour(18).atZone(NEW_YORK))).isFalse();
        assertThat(properties.peak(MONDAY.plusDays(6).withHour(10).atZone(NEW_YORK))).as("Sunday").isFalse();
        assertThat(Duration.ofSeconds(60 / properties.polling().callsPerMinute())).isEqualTo(Duration.ofSeconds(10));
    }
}
