package org.tokengov.usage;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long usage counts are kept ({@code tokengov.usage.*}).
 *
 * @param minuteRetention calls per minute, which the polling rule reads (it looks back a day at most)
 * @param hourRetention calls per hour, which people see (90 days at renewal and review) and the dashboard sums
 */
@Validated
@ConfigurationProperties("tokengov.usage")
public record UsageProperties(
        @NotNull @DefaultValue("P8D") Duration minuteRetention,
        @NotNull @DefaultValue("P400D") Duration hourRetention) {
}
