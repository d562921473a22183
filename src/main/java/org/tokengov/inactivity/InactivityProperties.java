package org.tokengov.inactivity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The inactivity rule of the Fair Use Policy ({@code tokengov.policy.inactivity.*}).
 *
 * @param unusedPeriod  a token unused this long (since its last API use, or its issue) is revoked
 * @param warningBefore the holder is warned this long before the revocation, once per inactivity period
 * @param sweepCycle    when the sweep runs: a Camunda timer cycle (cron or ISO 8601 repetition)
 * @param budgetShare   the share of each REDCap server's rate budget one sweep batch may use; the batch size is
 *                      that share of the smallest budget, and batches start {@code batchInterval} apart
 * @param batchInterval the pause between two batches: the rate budget's window, so each batch has a fresh minute
 */
@Validated
@ConfigurationProperties("tokengov.policy.inactivity")
public record InactivityProperties(
        @NotNull @DefaultValue("P6M") Period unusedPeriod,
        @NotNull @DefaultValue("P14D") Period warningBefore,
        @NotBlank @DefaultValue("0 0 2 * * ?") String sweepCycle,
        @NotNull @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") @DefaultValue("0.5") Double budgetShare,
        @NotNull @DefaultValue("PT1M") Duration batchInterval) {

    public InactivityProperties {
        if (unusedPeriod != null && (unusedPeriod.isNegative() || unusedPeriod.isZero())) {
            throw new IllegalArgumentException("tokengov.policy.inactivity.unused-period must be positive");
        }
        if (warningBefore != null && warningBefore.isNegative()) {
            throw new IllegalArgumentException("tokengov.policy.inactivity.warning-before must not be negative");
        }
        if (unusedPeriod != null && warningBefore != null
                && !LocalDate.EPOCH.plus(unusedPeriod).minus(warningBefore).isAfter(LocalDate.EPOCH)) {
            throw new IllegalArgumentException("tokengov.policy.inactivity: warning-before must be shorter than unused-period");
        }
        if (batchInterval != null && (batchInterval.isNegative() || batchInterval.isZero())) {
            throw new IllegalArgumentException("tokengov.policy.inactivity.batch-interval must be positive");
        }
    }
}
