package org.tokengov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * On the embedded default a call to the simulator shows as the token's last use within a few minutes: the log reader
 * runs in the fair-use monitor's first step, every {@code tokengov.fair-use.cycle} (PiDashboardIT shows one cycle is
 * enough).
 */
class EmbeddedLastUseFreshnessTest {

    @Test
    void theEmbeddedDefaultReadsREDCapsLogEveryFewMinutes() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-embedded.yml"));
        Properties embedded = yaml.getObject();

        String cycle = embedded.getProperty("tokengov.fair-use.cycle");
        assertThat(cycle).startsWith("R/");
        assertThat(Duration.parse(cycle.substring(2))).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }
}
