package org.tokengov.redcaplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.EmbeddedDefault;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The log reader in the embedded default, where the app's database and the simulated REDCap's are H2: the cursor's
 * lock, REDCap's {@code user} column and New York's wall-clock time work there as on PostgreSQL and MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = EmbeddedDefault.class)
class RedcapLogReaderOnH2IT {

    @Autowired ConfigurableApplicationContext context;
    @Autowired RedcapLogReader reader;
    @Autowired RedcapTokenEvents tokenEvents;

    @Test
    void aControlCenterTokenOnTheDemoProjectBecomesAnEventReadOnce() {
        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        reader.catchUp(RedcapEnvironment.PROD);
        long before = tokenEvents.after(RedcapEnvironment.PROD, 0).stream().mapToLong(TokenEventInRedcap::id).max().orElse(0);
        if (simulator.tokenOf("prod", "bob", 101) != null) {
            done(simulator.controlCenterToken("prod", "delete", "bob", 101, "ada"));
        }
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        done(simulator.controlCenterToken("prod", "create", "bob", 101, "ada"));

        assertThat(reader.catchUp(RedcapEnvironment.PROD).tokenEvents()).isPositive();
        assertThat(reader.catchUp(RedcapEnvironment.PROD).rowsRead()).isZero();

        assertThat(tokenEvents.after(RedcapEnvironment.PROD, before))
                .extracting(TokenEventInRedcap::username, TokenEventInRedcap::actor, TokenEventInRedcap::kind)
                .endsWith(tuple("bob", "ada", TokenEventKind.CREATED));
        assertThat(tokenEvents.after(RedcapEnvironment.PROD, before)).last().extracting(TokenEventInRedcap::at)
                .satisfies(at -> assertThat(at).isBetween(from, Instant.now()));
    }

    private static void done(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }
}
