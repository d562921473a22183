package org.tokengov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tokengov.offboarding.OffboardingCompleted;

class TimeToRevokeHistogramTest {

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TimeToRevokeHistogram histogram = new TimeToRevokeHistogram(meters);

    @Test
    void bucketsFromSecondsToADay() {
        histogram.record(new OffboardingCompleted("e1", 2, Duration.ofSeconds(3)));
        histogram.record(new OffboardingCompleted("e2", 1, Duration.ofMinutes(7)));

        assertThat(meters.scrape()).contains(
                "tokengov_offboarding_time_to_revoke_seconds_bucket{le=\"1.0\"} 0",
                "tokengov_offboarding_time_to_revoke_seconds_bucket{le=\"5.0\"} 1",
                "tokengov_offboarding_time_to_revoke_seconds_bucket{le=\"300.0\"} 1",
                "tokengov_offboarding_time_to_revoke_seconds_bucket{le=\"900.0\"} 2",
                "tokengov_offboarding_time_to_revoke_seconds_bucket{le=\"86400.0\"} 2",
                "tokengov_offboarding_time_to_revoke_seconds_count 2");
    }

    @Test
    void anOffboardingThatRevokedNothingIsNotATimeToRevoke() {
        histogram.record(new OffboardingCompleted("e3", 0, Duration.ZERO));

        assertThat(meters.get(TimeToRevokeHistogram.TIME_TO_REVOKE).timer().count()).isZero();
    }
}
