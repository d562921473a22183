package org.tokengov.offboarding;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tokengov.offboarding.mass-termination.*}: more than {@code threshold} terminations within {@code window}
 * (counted across replicas) open a wave: REDCap refuses the members' tokens at once, reversibly, and the irreversible
 * rest waits for a {@code redcap-admins} decision. Reminders follow {@code reminder-cycle}; undecided after
 * {@code decision-deadline}, the wave is confirmed (HR said they left; their tokens stayed refused meanwhile).
 */
@Validated
@ConfigurationProperties("tokengov.offboarding.mass-termination")
public record MassTerminationProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("20") int threshold,
        @NotNull @DefaultValue("PT1H") Duration window,
        @NotNull @DefaultValue("R/PT4H") String reminderCycle,
        @NotNull @DefaultValue("P3D") Duration decisionDeadline) {
}
