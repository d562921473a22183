package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.SystemHealth;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.reconciliation.Reconciliation;
import org.tokengov.reconciliation.ReconciliationReport;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The database mode as the embedded default runs it: this system holds no API token of its own (no steward token,
 * only {@code enrolled-projects}), and REDCap knows none of it. Users, logs and tokens are read from REDCap's database,
 * so nothing here calls REDCap's API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = DatabaseModeWithoutStewardTokenIT.NoStewardTokens.class)
@ActiveProfiles("embedded")
class DatabaseModeWithoutStewardTokenIT {

    static class NoStewardTokens extends RealServers {
        @Override
        protected boolean withStewardTokens() {
            return false;
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RedcapProperties servers;
    @Autowired RedcapApi redcap;
    @Autowired RedcapLogReader logReader;
    @Autowired Reconciliation reconciliation;
    @Autowired TokenRegistry registry;
    @Autowired HealthEndpoint health;
    @Autowired MeterRegistry meters;

    @Test
    void governsItsProjectsWithoutAnApiTokenOfItsOwn() {
        assertThat(servers.server(PROD).stewardTokens()).isEmpty();
        assertThat(servers.server(PROD).enrolledProjects()).containsExactly(101L);
        double apiCallsBefore = apiCalls();

        assertThat(redcap.findProjectUser(PROD, 101, "pat")).get().satisfies(pat -> assertThat(pat.userRights()).isTrue());
        IssuedToken alices = new IssuedTokens(context).issue("alice", PROD, 101);
        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        assertThat(simulator.versionStatus("prod", simulator.tokenOf("prod", "alice", 101))).isEqualTo(200);
        logReader.catchUp(PROD);
        assertThat(simulator.controlCenterToken("prod", "create", "bob", 101, "ada").statusCode()).isEqualTo(200);
        ReconciliationReport report = reconciliation.run(new Reconciliation.Scope(PROD, Set.of(101L)), "ada");
        HealthComponent redcapHealth = ((SystemHealth) health.health()).getComponents().get("redcap");

        assertThat(registry.find(alices.id()).orElseThrow().lastUsedAt()).as("read from REDCap's log table").isNotNull();
        assertThat(report.items()).extracting(ReconciliationReport.Item::holder).contains("bob");
        assertThat(redcapHealth.getStatus()).isEqualTo(Status.UP);
        assertThat(((Health) ((CompositeHealth) redcapHealth).getComponents().get("prod")).getDetails())
                .isEqualTo(Map.of("database", "answers"));
        assertThat(apiCalls()).as("no REDCap API call at all").isEqualTo(apiCallsBefore);
    }

    private double apiCalls() {
        return meters.find("tokengov.redcap.calls").counters().stream().mapToDouble(Counter::count).sum();
    }
}
