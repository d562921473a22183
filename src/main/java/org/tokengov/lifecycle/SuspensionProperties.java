package org.tokengov.lifecycle;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code tokengov.policy.suspension.*}: how many suspensions of one holder lead to a permanent ban. */
@Validated
@ConfigurationProperties("tokengov.policy.suspension")
public record SuspensionProperties(@Min(1) @DefaultValue("2") int banAfterSuspensions) {
}
