package org.tokengov.usage;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.RealServers;

/**
 * The usage-event intake in the embedded default (H2), signed with its documented demo secret: stored once, read back
 * as the rules read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = EmbeddedDefault.class)
class UsageEventIntakeOnH2IT {

    @Autowired ConfigurableApplicationContext context;
    @Autowired ReportedCalls reportedCalls;

    @Test
    void theDemoSecretSignsADeliveryThatIsStoredOnceAndReadBack() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        String body = UsageEventIntakeIT.delivery(
                UsageEventIntakeIT.call("h2-a", "alice", at, "record", ",\"filterLogic\":\"[age] > 30\""),
                UsageEventIntakeIT.call("h2-b", "alice", at.plusSeconds(1), "record", ""),
                UsageEventIntakeIT.call("h2-a", "alice", at, "record", ""));
        HrWebhookClient sender = new HrWebhookClient(RealServers.baseUrl(context), UsageEventsController.PATH,
                "demo-usage-intake-secret");

        HttpResponse<String> first = sender.deliver(body);
        HttpResponse<String> again = sender.deliver(body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.body()).as("the id twice in one delivery is one call").isEqualTo("{\"received\":3,\"stored\":2}");
        assertThat(again.body()).isEqualTo("{\"received\":3,\"stored\":0}");
        assertThat(reportedCalls.recordExports(new UsageKey(RedcapEnvironment.PROD, 101, "alice"), at, at.plusSeconds(2)))
                .containsExactly(new ReportedExport(at, true, 0, 0), new ReportedExport(at.plusSeconds(1), false, 0, 0));
    }
}
