package org.tokengov.policy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Durations of the Fair Use Policy and of the request pipeline ({@code tokengov.policy.*}).
 * Reminder intervals repeat until the step is done or its deadline closes the request.
 */
@Validated
@ConfigurationProperties("tokengov.policy")
public record PolicyProperties(
        @NotNull @DefaultValue("P1Y") Period tokenValidity,
        @NotNull @DefaultValue("P30D") Duration renewalNotice,
        @NotNull @DefaultValue("P14D") Duration renewalFirstReminder,
        @NotNull @DefaultValue("P3D") Duration renewalLastReminder,
        @NotNull @DefaultValue("P3D") Duration sponsorshipReminderInterval,
        @NotNull @DefaultValue("P14D") Duration sponsorshipDeadline,
        @NotNull @DefaultValue("P14D") Duration qaTestingReminderInterval,
        @NotNull @DefaultValue("P90D") Duration qaTestingDeadline,
        @NotNull @DefaultValue("P3D") Duration reviewReminderInterval,
        @NotNull @DefaultValue("P14D") Duration reviewDeadline,
        @NotNull @DefaultValue("P3D") Duration approvalReminderInterval,
        @NotNull @DefaultValue("P14D") Duration approvalDeadline) {

    public PolicyProperties {
        if (renewalNotice != null && renewalFirstReminder != null && renewalLastReminder != null
                && !(renewalNotice.compareTo(renewalFirstReminder) > 0 && renewalFirstReminder.compareTo(renewalLastReminder) > 0)) {
            throw new IllegalArgumentException("tokengov.policy: renewal-notice > renewal-first-reminder > renewal-last-reminder "
                    + "(all counted back from the expiry)");
        }
        requireOrder(sponsorshipReminderInterval, sponsorshipDeadline, "sponsorship");
        requireOrder(qaTestingReminderInterval, qaTestingDeadline, "qa-testing");
        requireOrder(reviewReminderInterval, reviewDeadline, "review");
        requireOrder(approvalReminderInterval, approvalDeadline, "approval");
    }

    private static void requireOrder(Duration reminder, Duration deadline, String step) {
        if (reminder != null && deadline != null && !reminder.minus(deadline).isNegative()) {
            throw new IllegalArgumentException("tokengov.policy: the " + step
                    + " reminder interval must be shorter than its deadline, or nobody is ever reminded");
        }
    }
}
