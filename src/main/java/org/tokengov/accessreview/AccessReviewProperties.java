package org.tokengov.accessreview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The PIs' access review ({@code tokengov.access-review.*}).
 *
 * @param schedule         when reviews start: a Camunda timer cycle (cron, or an ISO 8601 repeating interval)
 * @param reviewDeadline   how long the PIs have; an unanswered review is then reminded
 * @param escalationAfter  how long after the deadline an unanswered review goes to the REDCap administrators too
 */
@Validated
@ConfigurationProperties("tokengov.access-review")
public record AccessReviewProperties(
        @NotBlank @DefaultValue("0 0 7 1 1,4,7,10 ?") String schedule,
        @NotNull @DefaultValue("P14D") Duration reviewDeadline,
        @NotNull @DefaultValue("P7D") Duration escalationAfter) {

    public AccessReviewProperties {
        if (schedule != null && !schedule.isBlank() && !schedule.startsWith("R")
                && schedule.trim().split("\\s+").length < 6) {
            throw new IllegalArgumentException("tokengov.access-review.schedule: a cron expression (0 0 7 1 1,4,7,10 ?) "
                    + "or an ISO 8601 repeating interval (R/2027-01-04T07:00:00Z/P3M)");
        }
        if (reviewDeadline != null && (reviewDeadline.isNegative() || reviewDeadline.isZero())) {
            throw new IllegalArgumentException("tokengov.access-review.review-deadline must be positive");
        }
        if (escalationAfter != null && (escalationAfter.isNegative() || escalationAfter.isZero())) {
            throw new IllegalArgumentException("tokengov.access-review.escalation-after must be positive");
        }
    }
}
