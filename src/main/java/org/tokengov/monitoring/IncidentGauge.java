package org.tokengov.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * {@code tokengov_incidents_open}: Camunda incidents not yet resolved. Each is a step that ran out of retries (a
 * revocation REDCap kept refusing, say) and waits for an operator in Cockpit: worth an alert whenever it is above zero.
 * The query runs without a Camunda user, so it counts every incident, whatever the authorizations.
 */
@Component
class IncidentGauge implements MeterBinder {

    static final String OPEN_INCIDENTS = "tokengov.incidents.open";

    private final RecentValue<Long> openIncidents;

    IncidentGauge(RuntimeService runtime, MonitoringProperties monitoring) {
        this.openIncidents = new RecentValue<>(() -> runtime.createIncidentQuery().count(), monitoring.metricsCacheFor());
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder(OPEN_INCIDENTS, openIncidents, RecentValue::get)
                .description("Camunda incidents waiting for an operator")
                .register(meters);
    }
}
