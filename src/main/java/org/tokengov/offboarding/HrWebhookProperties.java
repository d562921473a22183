package org.tokengov.offboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokengov.hr.*}: the shared secret of the HR webhook (from the environment, {@code TOKENGOV_HR_WEBHOOK_SECRET})
 * and how old a signed delivery may be.
 */
@ConfigurationProperties("tokengov.hr")
public record HrWebhookProperties(String webhookSecret, @DefaultValue("PT5M") Duration webhookTolerance) {

    @Override
    public String toString() {
        return "HrWebhookProperties[webhookSecret=***, webhookTolerance=" + webhookTolerance + "]";
    }
}
