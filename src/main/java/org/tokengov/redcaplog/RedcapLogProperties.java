package org.tokengov.redcaplog;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the log reader reads ({@code tokengov.redcap-log.*}).
 *
 * @param batchSize  database mode: the most rows of a log table read (and kept, in one transaction) at a time
 * @param apiOverlap API mode: how far back each read of {@code content=log} reaches again before the last read, for
 *                   rows REDCap writes late (a row carries its request's start time) and clocks that differ; rows
 *                   read twice are recognised by their digest ({@link ApiLogWindow})
 * @param apiBudgetShare API mode: the share of a server's rate budget that a catch-up (and the manual mode's
 *                   reconciliation) may use; the rest stays free for revocations and people's steps. Projects left
 *                   unread are read first next time.
 * @param parallelProjects database mode: how many projects a catch-up reads at once (each in transactions of its own,
 *                   so REDCap's database and the app's work side by side); 1 reads one after the other
 */
@Validated
@ConfigurationProperties("tokengov.redcap-log")
public record RedcapLogProperties(
        @NotNull @Positive @DefaultValue("1000") Integer batchSize,
        @NotNull @DefaultValue("PT1H") Duration apiOverlap,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @DefaultValue("0.5") Double apiBudgetShare,
        @NotNull @Positive @Max(8) @DefaultValue("2") Integer parallelProjects) {

    public RedcapLogProperties {
        if (apiOverlap != null && apiOverlap.isNegative()) {
            throw new IllegalArgumentException("tokengov.redcap-log.api-overlap must not be negative");
        }
    }

    /** How many of a budget's permits a catch-up leaves free for others. */
    public int reserveOf(int permitsPerWindow) {
        return permitsPerWindow - (int) Math.floor(permitsPerWindow * apiBudgetShare);
    }
}
