package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The simulator exists only when switched on, and its settings are checked without printing secrets. */
class RedcapSimulatorSwitchTest {

    private static final String STEWARD_TOKEN = "00112233445566778899AABBCCDDEEFF";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesScanLikeTheApplication.class, RedcapSimulatorConfiguration.class,
                    SimulatorClock.class, RedcapServers.class);

    @ConfigurationPropertiesScan(basePackageClasses = RedcapSimProperties.class)
    static class PropertiesScanLikeTheApplication {
    }

    @Test
    void isOffUnlessSwitchedOn() {
        runner.withPropertyValues("redcap-sim.environments.qa.jdbc-url=jdbc:h2:mem:unused")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(RedcapSimProperties.class)
                        .doesNotHaveBean(RedcapServers.class));
        runner.withPropertyValues("redcap-sim.enabled=false", "redcap-sim.environments.qa.jdbc-url=jdbc:h2:mem:unused")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedcapServers.class));
    }

    @Test
    void startsEachServerOnItsOwnPoolWithoutADataSourceBean() {
        runner.withPropertyValues("redcap-sim.enabled=true",
                        "redcap-sim.environments.qa.jdbc-url=" + h2(), "redcap-sim.environments.qa.username=sa",
                        "redcap-sim.environments.qa.seed-demo-data=true",
                        "redcap-sim.environments.qa.steward-tokens.201=" + STEWARD_TOKEN,
                        "redcap-sim.environments.prod.jdbc-url=" + h2())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RedcapSimProperties.class)
                            .doesNotHaveBean(DataSource.class);
                    RedcapSimProperties properties = context.getBean(RedcapSimProperties.class);
                    assertThat(properties.hangDuration()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.environments().get("qa").toString()).doesNotContain(STEWARD_TOKEN);
                    RedcapServers servers = context.getBean(RedcapServers.class);
                    assertThat(servers.find("qa")).isPresent();
                    assertThat(servers.find("prod")).isPresent();
                    assertThat(servers.find("staging")).isEmpty();
                    assertThat(servers.find("qa").orElseThrow().projectUsers().token(201, DemoData.STEWARD))
                            .contains(STEWARD_TOKEN);
                });
    }

    @Test
    void needsAtLeastOneServer() {
        runner.withPropertyValues("redcap-sim.enabled=true")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void refusesAMalformedStewardTokenWithoutPrintingIt() {
        runner.withPropertyValues("redcap-sim.enabled=true", "redcap-sim.environments.qa.jdbc-url=" + h2(),
                        "redcap-sim.environments.qa.steward-tokens.201=lowercase-secret-value")
                .run(context -> {
                    assertThat(context).hasFailed();
                    StringWriter trace = new StringWriter();
                    context.getStartupFailure().printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString())
                            .contains("steward-tokens.201 must be 32 uppercase hexadecimal characters")
                            .doesNotContain("lowercase-secret-value");
                });
    }

    private static String h2() {
        return "jdbc:h2:mem:redcap-sim-" + UUID.randomUUID() + ";MODE=MySQL;NON_KEYWORDS=USER";
    }
}
