package org.tokengov.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import org.tokengov.notification.MailBacklog;

/**
 * {@code tokengov_mail_outbox_pending}: mails written by process steps and not yet accepted by the mail server. A
 * backlog that stays up means SMTP refuses or is unreachable: people are not told about waiting steps.
 */
@Component
class MailBacklogGauge implements MeterBinder {

    static final String PENDING_MAILS = "tokengov.mail.outbox.pending";

    private final RecentValue<Long> pending;

    MailBacklogGauge(MailBacklog backlog, MonitoringProperties monitoring) {
        this.pending = new RecentValue<>(backlog::pending, monitoring.metricsCacheFor());
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder(PENDING_MAILS, pending, RecentValue::get)
                .description("Mails in the outbox waiting to be sent")
                .register(meters);
    }
}
