package org.tokengov.sponsorship;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code tokengov.sponsorship.*}: how long the PIs have to name a new sponsor before the held tokens are revoked. */
@Validated
@ConfigurationProperties("tokengov.sponsorship")
public record SponsorshipProperties(@NotNull @DefaultValue("P14D") Duration replacementDeadline) {

    public SponsorshipProperties {
        if (replacementDeadline != null && (replacementDeadline.isNegative() || replacementDeadline.isZero())) {
            throw new IllegalArgumentException("tokengov.sponsorship.replacement-deadline must be positive");
        }
    }
}
