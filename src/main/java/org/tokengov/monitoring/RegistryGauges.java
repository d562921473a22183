package org.tokengov.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.RegistryCounts;
import org.tokengov.registry.TokenState;

/**
 * {@code tokengov_tokens{environment,state}} for every pair (zero included, so a rate or an alert never meets a
 * missing series) and {@code tokengov_token_requests_open}, each from one grouped query per cache period.
 */
@Component
class RegistryGauges implements MeterBinder {

    static final String TOKENS = "tokengov.tokens";
    static final String OPEN_REQUESTS = "tokengov.token.requests.open";

    private final RecentValue<Map<RedcapEnvironment, Map<TokenState, Long>>> tokens;
    private final RecentValue<Long> openRequests;

    RegistryGauges(RegistryCounts counts, MonitoringProperties monitoring) {
        this.tokens = new RecentValue<>(counts::tokensByEnvironmentAndState, monitoring.metricsCacheFor());
        this.openRequests = new RecentValue<>(counts::openRequests, monitoring.metricsCacheFor());
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (RedcapEnvironment environment : RedcapEnvironment.values()) {
            for (TokenState state : TokenState.values()) {
                Gauge.builder(TOKENS, tokens, recent -> recent.get().get(environment).get(state))
                        .description("Tokens in the registry, by environment and state")
                        .tag("environment", environment.name())
                        .tag("state", state.name())
                        .register(meters);
            }
        }
        Gauge.builder(OPEN_REQUESTS, openRequests, RecentValue::get)
                .description("Token requests not yet closed (between submission and production token or refusal)")
                .register(meters);
    }
}
