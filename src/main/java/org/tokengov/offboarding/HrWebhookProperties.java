package org.tokengov.offboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tokengov.input.StandardWebhookSignature;

/**
 * {@code tokengov.hr.*}: the shared secret of the HR webhook (from the environment, {@code TOKENGOV_HR_WEBHOOK_SECRET};
 * {@code whsec_<base64>} or plain text, see {@link StandardWebhookSignature}) and how old a signed delivery may be.
 * A {@code whsec_} secret that does not decode stops the start-up.
 */
@ConfigurationProperties("tokengov.hr")
public record HrWebhookProperties(String webhookSecret, @DefaultValue("PT5M") Duration webhookTolerance) {

    static final String SECRET_SETTING = "tokengov.hr.webhook-secret";

    public HrWebhookProperties {
        if (webhookSecret != null && !webhookSecret.isBlank()) {
            StandardWebhookSignature.keyOf(SECRET_SETTING, webhookSecret);
        }
    }

    boolean configured() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }

    @Override
    public String toString() {
        return "HrWebhookProperties[webhookSecret=***, webhookTolerance=" + webhookTolerance + "]";
    }
}
