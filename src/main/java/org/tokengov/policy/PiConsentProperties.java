package org.tokengov.policy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The PI's consent before a token ({@code tokengov.policy.pi-consent.*}). With {@code required} on, a request goes on
 * only if the requester's requested API rights are enabled in REDCap on both projects, or a PI of the production
 * project approves them in Tasklist. While the approval waits, REDCap is asked again every {@code recheck-interval},
 * so a PI who enables the rights on REDCap's User Rights page need not also answer the task.
 */
@Validated
@ConfigurationProperties("tokengov.policy.pi-consent")
public record PiConsentProperties(
        @DefaultValue("true") boolean required,
        @NotNull @DefaultValue("PT1H") Duration recheckInterval,
        @NotNull @DefaultValue("P3D") Duration reminderInterval,
        @NotNull @DefaultValue("P14D") Duration deadline) {

    public PiConsentProperties {
        if (reminderInterval != null && deadline != null && !reminderInterval.minus(deadline).isNegative()) {
            throw new IllegalArgumentException("tokengov.policy.pi-consent: the reminder interval must be shorter than "
                    + "the deadline, or nobody is ever reminded");
        }
        if (recheckInterval != null && recheckInterval.compareTo(Duration.ofMinutes(5)) < 0) {
            throw new IllegalArgumentException("tokengov.policy.pi-consent.recheck-interval: at least 5 minutes, so "
                    + "waiting requests do not spend the REDCap rate budget");
        }
    }
}
