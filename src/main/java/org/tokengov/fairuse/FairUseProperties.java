package org.tokengov.fairuse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The fair-use rules' thresholds ({@code tokengov.fair-use.*}). Peak hours are REDCap's local time (the environment's
 * {@code time-zone}), as the policy's "peak business hours" are the institution's.
 *
 * @param cycle how often {@code FairUseMonitorProcess} runs (ISO 8601 repeating interval)
 * @param lookBack how far back each evaluation looks (a day: the rules' windows are days at most)
 * @param peakDays the weekdays with peak hours
 * @param peakStartHour first peak hour (inclusive, 0–23)
 * @param peakEndHour end of the peak hours (exclusive, 1–24)
 * @param polling calls closer than {@code maxIntervalSeconds} apart (i.e. at least 60/that per minute) for
 *        {@code minutes} minutes in a row
 * @param peakHourBulkExport more than {@code exportsPerHour} record exports or file downloads in one peak hour
 * @param repeatedFullExport record exports on at least {@code days} different days within {@code windowDays}: from
 *        REDCap's log, days with {@code peakExportsPerDay} or more in peak hours (suspected); from the intake,
 *        whole-project exports at any hour (confirmed)
 * @param declaredUsage observed calls in a day above {@code factor} times the declared {@code expectedCallsPerDay}
 *        and above {@code minimumCalls}
 * @param fixDeadline how long a holder has to confirm a fix
 * @param repeatWindow a new finding within this time after a case of the same token and rule closed is a repeat
 * @param severeFactor a finding whose figure is this many times its threshold goes to the administrators at once
 */
@Validated
@ConfigurationProperties("tokengov.fair-use")
public record FairUseProperties(
        @NotNull @DefaultValue("R/PT15M") String cycle,
        @NotNull @DefaultValue("P1D") Duration lookBack,
        @NotEmpty @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> peakDays,
        @NotNull @Min(0) @Max(23) @DefaultValue("8") Integer peakStartHour,
        @NotNull @Min(1) @Max(24) @DefaultValue("18") Integer peakEndHour,
        @Valid @NotNull @DefaultValue Polling polling,
        @Valid @NotNull @DefaultValue PeakHourBulkExport peakHourBulkExport,
        @Valid @NotNull @DefaultValue RepeatedFullExport repeatedFullExport,
        @Valid @NotNull @DefaultValue DeclaredUsage declaredUsage,
        @NotNull @DefaultValue("P14D") Duration fixDeadline,
        @NotNull @DefaultValue("P90D") Duration repeatWindow,
        @NotNull @Positive @DefaultValue("10") Integer severeFactor) {

    public record Polling(@NotNull @Positive @DefaultValue("10") Integer maxIntervalSeconds,
            @NotNull @Positive @DefaultValue("30") Integer minutes) {

        /** The calls in a minute that mean intervals under {@code maxIntervalSeconds}. */
        public int callsPerMinute() {
            return (int) Math.ceil(60.0 / maxIntervalSeconds);
        }
    }

    public record PeakHourBulkExport(@NotNull @Positive @DefaultValue("20") Integer exportsPerHour,
            @NotNull @Positive @DefaultValue("50000") Integer recordsPerHour) {
    }

    public record RepeatedFullExport(@NotNull @Positive @DefaultValue("3") Integer days,
            @NotNull @Positive @DefaultValue("7") Integer windowDays,
            @NotNull @Positive @DefaultValue("1") Integer peakExportsPerDay) {
    }

    public record DeclaredUsage(@NotNull @Positive @DefaultValue("10") Integer factor,
            @NotNull @Positive @DefaultValue("500") Integer minimumCalls) {
    }

    /** Whether a moment (in REDCap's zone) is within peak hours. */
    public boolean peak(ZonedDateTime local) {
        return peakDays.contains(local.getDayOfWeek()) && local.getHour() >= peakStartHour && local.getHour() < peakEndHour;
    }
}
