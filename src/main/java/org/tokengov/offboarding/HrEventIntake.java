package org.tokengov.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts an authentic HR event once per {@code webhook-id}: the offboarding event and the delivery are stored in
 * one transaction, so a resent or concurrent duplicate finds the first answer and starts nothing.
 */
@Service
class HrEventIntake {

    static final String SOURCE = "HR_WEBHOOK";

    private final OffboardingEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;

    HrEventIntake(OffboardingEvents events, JdbcClient jdbc, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The offboarding id this delivery was already answered with, if any. */
    Optional<String> earlierAnswer(String webhookId) {
        return jdbc.sql("select offboarding_id from hr_webhook_delivery where webhook_id = ?")
                .param(webhookId).query(String.class).optional();
    }

    /** Records the event; throws a duplicate-key exception if a concurrent delivery of the same id won. */
    @Transactional
    String accept(String webhookId, HrEvent event) {
        Optional<String> earlier = earlierAnswer(webhookId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String offboardingId = events.record(event.username(), SOURCE,
                event.type() + (event.projectId() == null ? "" : " (project " + event.projectId() + ")")
                        + ", effective " + event.effective(),
                event.type(), event.projectId(), event.effective());
        jdbc.sql("insert into hr_webhook_delivery (webhook_id, offboarding_id, received_at) values (?, ?, ?)")
                .params(webhookId, offboardingId, Timestamp.from(clock.instant()))
                .update();
        return offboardingId;
    }
}
