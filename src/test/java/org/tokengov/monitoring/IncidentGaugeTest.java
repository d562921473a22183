package org.tokengov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

class IncidentGaugeTest {

    @Test
    void countsOpenIncidents() {
        RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
        when(runtime.createIncidentQuery().count()).thenReturn(2L);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        new IncidentGauge(runtime, new MonitoringProperties(Duration.ofSeconds(3), Duration.ofSeconds(30),
                Duration.ofSeconds(15))).bindTo(meters);

        assertThat(meters.get(IncidentGauge.OPEN_INCIDENTS).gauge().value()).isEqualTo(2.0);
    }
}
