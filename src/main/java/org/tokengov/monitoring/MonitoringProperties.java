package org.tokengov.monitoring;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tokengov.monitoring.*}.
 *
 * @param redcapProbeTimeout how long a REDCap health check waits for {@code content=version}; short, so a hanging
 *        REDCap does not hang the health endpoint
 * @param redcapHealthCacheFor how long a REDCap health result is reused: health checks from load balancers and
 *        monitors must not flood REDCap or eat the rate budget the revocations need
 * @param metricsCacheFor how long the gauges' database counts are reused between scrapes
 */
@Validated
@ConfigurationProperties("tokengov.monitoring")
record MonitoringProperties(
        @NotNull @DefaultValue("PT3S") Duration redcapProbeTimeout,
        @NotNull @DefaultValue("PT30S") Duration redcapHealthCacheFor,
        @NotNull @DefaultValue("PT15S") Duration metricsCacheFor) {
}
