package org.tokengov.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tokengov.offboarding.OffboardingCompleted;

/**
 * {@code tokengov_offboarding_time_to_revoke_seconds}: how long people who left kept a working token, from receipt of
 * the offboarding event to the last confirmed revocation. Buckets from seconds (the normal case) to a day (REDCap
 * down, retries, an incident); offboardings in which nobody held a token are left out, as nothing was revoked.
 *
 * <p>Recorded after the commit: a job that rolls back runs again and would otherwise be counted twice.
 */
@Component
class TimeToRevokeHistogram {

    static final String TIME_TO_REVOKE = "tokengov.offboarding.time.to.revoke";

    private final Timer timer;

    TimeToRevokeHistogram(MeterRegistry meters) {
        this.timer = Timer.builder(TIME_TO_REVOKE)
                .description("From receipt of an offboarding event to the last confirmed revocation of its tokens")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
                        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
                        Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4),
                        Duration.ofDays(1))
                .register(meters);
    }

    @TransactionalEventListener
    void record(OffboardingCompleted completed) {
        if (completed.tokensRevoked() > 0) {
            timer.record(completed.timeToFullRevocation());
        }
    }
}
