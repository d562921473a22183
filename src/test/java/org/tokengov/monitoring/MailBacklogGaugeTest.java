package org.tokengov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tokengov.notification.MailBacklog;

class MailBacklogGaugeTest {

    @Test
    void countsMailsWaitingToBeSent() {
        MailBacklog backlog = mock(MailBacklog.class);
        when(backlog.pending()).thenReturn(7L);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        new MailBacklogGauge(backlog, new MonitoringProperties(Duration.ofSeconds(3), Duration.ofSeconds(30),
                Duration.ofSeconds(15))).bindTo(meters);

        assertThat(meters.get(MailBacklogGauge.PENDING_MAILS).gauge().value()).isEqualTo(7.0);
    }
}
