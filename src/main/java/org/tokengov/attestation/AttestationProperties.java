package org.tokengov.attestation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The annual attestation ({@code tokengov.policy.attestation.*}): when campaigns start (an ISO 8601 repeating
 * interval such as {@code R/2027-01-15T09:00:00Z/P1Y}, or a Camunda cron), how long holders have, how often they are
 * reminded, and how long an attestation (or a renewal with re-attestation) counts.
 */
@Validated
@ConfigurationProperties("tokengov.policy.attestation")
public record AttestationProperties(
        @NotBlank @DefaultValue("R/2027-01-15T09:00:00Z/P1Y") String campaignCycle,
        @NotNull @DefaultValue("P30D") Duration deadline,
        @NotNull @DefaultValue("P7D") Duration reminderInterval,
        @NotNull @DefaultValue("P1Y") Period validFor) {

    public AttestationProperties {
        if (campaignCycle != null && !campaignCycle.isBlank() && !campaignCycle.startsWith("R")
                && campaignCycle.trim().split("\\s+").length < 6) {
            throw new IllegalArgumentException("tokengov.policy.attestation.campaign-cycle: an ISO 8601 repeating interval "
                    + "(R/2027-01-15T09:00:00Z/P1Y) or a cron expression");
        }
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("tokengov.policy.attestation.deadline must be positive");
        }
        if (reminderInterval != null && deadline != null && !reminderInterval.minus(deadline).isNegative()) {
            throw new IllegalArgumentException("tokengov.policy.attestation: the reminder interval must be shorter than "
                    + "the deadline, or nobody is ever reminded");
        }
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new IllegalArgumentException("tokengov.policy.attestation.valid-for must be positive");
        }
    }
}
