package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HR webhook's secret is checked at start-up, in the shared Standard Webhooks way, naming its own setting. */
class HrWebhookPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"whsec_", "whsec_%%hunter2%%", "whsec_===="})
    void aWhsecSecretThatDoesNotDecodeStopsTheStartWithoutRepeatingIt(String secret) {
        assertThatThrownBy(() -> new HrWebhookProperties(secret, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokengov.hr.webhook-secret")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo-hr-webhook-secret", "whsec_c2VjcmV0"})
    void aPlainOrDecodableSecretConfiguresTheWebhook(String secret) {
        assertThat(new HrWebhookProperties(secret, Duration.ofMinutes(5)).configured()).isTrue();
    }
}
