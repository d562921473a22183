package org.tokengov.notification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tokengov.notification.*}: sender address, the Tasklist link put into messages, and how the outbox is
 * sent: every {@code dispatchInterval} up to {@code batchSize} mails; a failed mail is tried again after
 * {@code firstRetryAfter}, doubling up to {@code maxRetryInterval}, for ever; from {@code alertAfterAttempts} on each
 * failure is logged as an error. A replica that claimed a mail and died leaves it to others after {@code claimTimeout}.
 */
@Validated
@ConfigurationProperties("tokengov.notification")
public record NotificationProperties(
        @NotBlank @DefaultValue("redcap-api@localhost") String from,
        @NotBlank @DefaultValue("http://localhost:8080/camunda/app/tasklist/") String tasklistUrl,
        @NotNull @DefaultValue("PT10S") Duration dispatchInterval,
        @Min(1) @DefaultValue("50") int batchSize,
        @NotNull @DefaultValue("PT1M") Duration firstRetryAfter,
        @NotNull @DefaultValue("PT1H") Duration maxRetryInterval,
        @Min(1) @DefaultValue("10") int alertAfterAttempts,
        @NotNull @DefaultValue("PT5M") Duration claimTimeout) {

    /** Tasklist's address of one task. */
    String taskLink(String taskId) {
        return tasklistUrl + "default/#/?task=" + taskId;
    }

    /** The wait before attempt {@code failedAttempts + 1}: doubling from the first retry, capped. */
    Duration retryAfter(int failedAttempts) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxRetryInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait;
    }
}
