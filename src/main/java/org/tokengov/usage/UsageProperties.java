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
 * @param reportedCallRetention calls reported through the usage-event intake ({@link ReportedCalls}), which the rules
 *        read for filters (a day to a week back)
 */
@Validated
@ConfigurationProperties("tokengov.usage")
public record UsageProperties(
        @NotNull @DefaultValue("P8D") Duration minuteRetention,
        @NotNull @DefaultValue("P400D") Duration hourRetention,
        @NotNull @DefaultValue("P31D") Duration reportedCallRetention) {
}
