package org.tokengov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.RegistryCounts;
import org.tokengov.registry.TokenState;

class RegistryGaugesTest {

    private final RegistryCounts counts = mock(RegistryCounts.class);
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void everyEnvironmentAndStateFromOneQueryPerCachePeriod() {
        when(counts.tokensByEnvironmentAndState()).thenReturn(counts(Map.of(TokenState.ACTIVE, 3L, TokenState.REVOKED, 1L),
                Map.of(TokenState.QA_ACTIVE, 2L)));
        when(counts.openRequests()).thenReturn(4L);
        new RegistryGauges(counts, new MonitoringProperties(Duration.ofSeconds(3), Duration.ofSeconds(30),
                Duration.ofMinutes(1))).bindTo(meters);

        String first = meters.scrape();
        String second = meters.scrape();

        assertThat(first).contains(
                "tokengov_tokens{environment=\"PROD\",state=\"ACTIVE\"} 3",
                "tokengov_tokens{environment=\"PROD\",state=\"REVOKED\"} 1",
                "tokengov_tokens{environment=\"PROD\",state=\"SUSPENDED\"} 0",
                "tokengov_tokens{environment=\"QA\",state=\"QA_ACTIVE\"} 2",
                "tokengov_tokens{environment=\"QA\",state=\"EXPIRED\"} 0",
                "tokengov_tokens{environment=\"PROD\",state=\"FOUND\"} 0",
                "tokengov_token_requests_open 4");
        assertThat(meters.find(RegistryGauges.TOKENS).gauges()).hasSize(2 * TokenState.values().length);
        assertThat(second).isEqualTo(first);
        verify(counts, times(1)).tokensByEnvironmentAndState();
        verify(counts, times(1)).openRequests();
    }

    @Test
    void aFailedQueryShowsAsNotANumberInsteadOfFailingTheScrape() {
        when(counts.tokensByEnvironmentAndState()).thenThrow(new IllegalStateException("database down"));
        when(counts.openRequests()).thenReturn(0L);
        new RegistryGauges(counts, new MonitoringProperties(Duration.ofSeconds(3), Duration.ofSeconds(30),
                Duration.ofMinutes(1))).bindTo(meters);

        assertThat(meters.scrape()).contains("tokengov_tokens{environment=\"PROD\",state=\"ACTIVE\"} NaN",
                "tokengov_token_requests_open 0");
        verify(counts, times(1)).tokensByEnvironmentAndState();
    }

    private static Map<RedcapEnvironment, Map<TokenState, Long>> counts(Map<TokenState, Long> prod, Map<TokenState, Long> qa) {
        Map<RedcapEnvironment, Map<TokenState, Long>> all = new EnumMap<>(RedcapEnvironment.class);
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            Map<TokenState, Long> byState = new EnumMap<>(TokenState.class);
            for (TokenState state : TokenState.values()) {
                byState.put(state, (environment == RedcapEnvironment.PROD ? prod : qa).getOrDefault(state, 0L));
            }
            all.put(environment, byState);
        }
        return all;
    }
}
