package org.tokengov.monitoring;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.tokengov.redcap.RateBudgetExhaustedException;
import org.tokengov.redcap.RedcapAccessDeniedException;
import org.tokengov.redcap.RedcapApiClient;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapException;

/**
 * Whether one REDCap server answers its API: UP with the version, DOWN when it fails, times out or refuses the
 * steward token (then nothing of that environment can be governed either), UNKNOWN while no project is enrolled. A
 * database-mode server without a steward token is reached only through its database: then the database is checked.
 *
 * <p>The result is reused for a while, and a check that finds the rate budget spent keeps the last result instead
 * of waiting: health checks must never compete with revocations for REDCap's calls. A change of status is logged
 * with its reason, since the health endpoint shows no details to anonymous callers.
 */
final class RedcapHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RedcapHealthIndicator.class);

    private final RedcapApiClient redcap;
    private final RedcapEnvironment environment;
    private final BooleanSupplier databaseAnswers;
    private final Duration timeout;
    private final RecentValue<Health> recent;

    /** The last result that came from REDCap itself; what a check without a free call reports. */
    private volatile Health lastAnswer;

    /** @param databaseAnswers the check of REDCap's database, {@code null} when the server is not in the database mode */
    RedcapHealthIndicator(RedcapApiClient redcap, RedcapEnvironment environment, BooleanSupplier databaseAnswers,
            Duration timeout, Duration cacheFor, LongSupplier nanoTime) {
        this.redcap = redcap;
        this.environment = environment;
        this.databaseAnswers = databaseAnswers;
        this.timeout = timeout;
        this.recent = new RecentValue<>(this::check, cacheFor, nanoTime);
    }

    @Override
    public Health health() {
        return recent.get();
    }

    private Health check() {
        Health answer;
        try {
            Optional<String> version = redcap.probeVersion(environment, timeout);
            answer = version.map(v -> Health.up().withDetail("version", v).build())
                    .orElseGet(this::withoutApi);
        } catch (RateBudgetExhaustedException e) {
            return lastAnswer != null ? lastAnswer
                    : Health.unknown().withDetail("reason", "not checked: the rate budget has no call free").build();
        } catch (RedcapAccessDeniedException e) {
            answer = Health.down().withDetail("error", "REDCap refused the steward token: " + e.getMessage()).build();
        } catch (RedcapException e) {
            answer = Health.down().withDetail("error", e.getMessage()).build();
        }
        logChange(answer);
        lastAnswer = answer;
        return answer;
    }

    private Health withoutApi() {
        if (databaseAnswers != null && databaseAnswers.getAsBoolean()) {
            return Health.up().withDetail("database", "answers").build();
        }
        return Health.unknown().withDetail("reason", "no project enrolled on " + environment).build();
    }

    private void logChange(Health answer) {
        Status before = lastAnswer == null ? Status.UNKNOWN : lastAnswer.getStatus();
        if (answer.getStatus().equals(before)) {
            return;
        }
        if (Status.DOWN.equals(answer.getStatus())) {
            log.warn("REDCap {} is DOWN: {}", environment, answer.getDetails().get("error"));
        } else {
            log.info("REDCap {} is {} {}", environment, answer.getStatus(), answer.getDetails());
        }
    }
}
