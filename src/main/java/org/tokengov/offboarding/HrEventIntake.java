package org.tokengov.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts an authentic HR event once per {@code webhook-id}: the offboarding event and the delivery, with the SHA-256
 * of its body, are stored in one transaction, so a resent or concurrent duplicate finds the first answer and starts
 * nothing. The same id with another body is refused: an HR system never reuses an id for a different event, so it is
 * a mistake or a forgery that must not be answered as if the first event were this one.
 */
@Service
class HrEventIntake {

    static final String SOURCE = "HR_WEBHOOK";

    /** A {@code webhook-id} sent again with another body (HTTP 409). */
    static final class ReusedWebhookId extends RuntimeException {
        ReusedWebhookId(String webhookId) {
            super("webhook-id " + webhookId + " was already delivered with another body: send a new event with a new "
                    + "webhook-id.");
        }
    }

    private record Delivery(String offboardingId, String bodySha256) {
    }

    private final OffboardingEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;

    HrEventIntake(OffboardingEvents events, JdbcClient jdbc, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The offboarding id this delivery was already answered with, if any; throws {@link ReusedWebhookId} if the id came
     * with another body (a delivery stored without a digest is answered as before).
     */
    Optional<String> earlierAnswer(String webhookId, String bodySha256) {
        Optional<Delivery> earlier = jdbc.sql("select offboarding_id, body_sha256 from hr_webhook_delivery where webhook_id = ?")
                .param(webhookId)
                .query((rs, row) -> new Delivery(rs.getString(1), rs.getString(2)))
                .optional();
        if (earlier.isPresent() && earlier.get().bodySha256() != null && !earlier.get().bodySha256().equals(bodySha256)) {
            throw new ReusedWebhookId(webhookId);
        }
        return earlier.map(Delivery::offboardingId);
    }

    /** Records the event; throws a duplicate-key exception if a concurrent delivery of the same id won. */
    @Transactional
    String accept(String webhookId, String bodySha256, HrEvent event) {
        Optional<String> earlier = earlierAnswer(webhookId, bodySha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String offboardingId = events.record(event.username(), SOURCE,
                event.type() + (event.projectId() == null ? "" : " (project " + event.projectId() + ")")
                        + ", effective " + event.effective(),
                event.type(), event.projectId(), event.effective());
        jdbc.sql("insert into hr_webhook_delivery (webhook_id, offboarding_id, received_at, body_sha256) values (?, ?, ?, ?)")
                .params(webhookId, offboardingId, Timestamp.from(clock.instant()), bodySha256)
                .update();
        return offboardingId;
    }
}
