package org.tokengov.usage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.tokengov.input.StandardWebhookSignature;

/**
 * {@code tokengov.usage.intake-*}: the shared secret of the signed usage-event intake (from the environment,
 * {@code TOKENGOV_USAGE_INTAKE_SECRET}; {@code whsec_<base64>} or plain text, see {@link StandardWebhookSignature}), how
 * old a signed delivery may be, and how many calls one delivery may hold. Without a secret the intake answers 503; a
 * {@code whsec_} secret that does not decode stops the start-up.
 */
@Validated
@ConfigurationProperties("tokengov.usage")
record UsageIntakeProperties(String intakeSecret, @NotNull @DefaultValue("PT5M") Duration intakeTolerance,
        @Min(1) @Max(100_000) @DefaultValue("10000") int intakeMaxCalls) {

    static final String SECRET_SETTING = "tokengov.usage.intake-secret";

    UsageIntakeProperties {
        if (configured(intakeSecret)) {
            StandardWebhookSignature.keyOf(SECRET_SETTING, intakeSecret);
        }
    }

    boolean configured() {
        return configured(intakeSecret);
    }

    private static boolean configured(String secret) {
        return secret != null && !secret.isBlank();
    }

    StandardWebhookSignature signature() {
        return new StandardWebhookSignature(SECRET_SETTING, intakeSecret, intakeTolerance);
    }

    @Override
    public String toString() {
        return "UsageIntakeProperties[intakeSecret=***, intakeTolerance=" + intakeTolerance + ", intakeMaxCalls="
                + intakeMaxCalls + "]";
    }
}
