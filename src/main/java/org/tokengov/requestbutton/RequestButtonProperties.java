package org.tokengov.requestbutton;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The request button's settings ({@code tokengov.request-button}).
 *
 * @param enabled whether REDCap's to-do lists are read at all; off, nothing is polled and nothing read
 * @param cycle how long after one poll of the to-do lists the next starts
 * @param answerDeadline how long the requester has to complete the request survey before the to-do row is archived
 */
@Validated
@ConfigurationProperties("tokengov.request-button")
public record RequestButtonProperties(Boolean enabled, @NotNull Duration cycle, @NotNull Duration answerDeadline) {

    public RequestButtonProperties {
        enabled = enabled == null || enabled;
        cycle = cycle == null ? Duration.ofMinutes(5) : cycle;
        answerDeadline = answerDeadline == null ? Duration.ofDays(30) : answerDeadline;
        if (cycle.isNegative() || cycle.isZero() || answerDeadline.isNegative() || answerDeadline.isZero()) {
            throw new IllegalArgumentException("tokengov.request-button.cycle and answer-deadline must be positive");
        }
    }
}
