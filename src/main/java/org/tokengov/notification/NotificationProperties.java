package org.tokengov.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code tokengov.notification.*}: sender address and the Tasklist link put into messages. */
@Validated
@ConfigurationProperties("tokengov.notification")
public record NotificationProperties(
        @NotBlank @DefaultValue("redcap-api@localhost") String from,
        @NotBlank @DefaultValue("http://localhost:8080/camunda/app/tasklist/") String tasklistUrl) {
}
