package org.tokengov.redcaplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewIssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;
import org.tokengov.usage.TokenUsage;
import org.tokengov.usage.UsageKey;
import org.tokengov.usage.UsageSummary;

/**
 * The log reader in API (manual) mode: REDCap's {@code content=log} over real HTTP, read again over an overlap window
 * and de-duplicated, the API calls in it counted once, a leak found in it, each read one call within the reader's share of the server's rate budget (here
 * eight a minute, half of them the reader's, so a fifth read in a minute is left to a later catch-up, never sent).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RedcapLogReaderApiModeIT.ApiModeQa.class)
class RedcapLogReaderApiModeIT {

    static final int BUDGET = 8;
    /** The default share of {@code tokengov.redcap-log.api-budget-share}, 0.5. */
    static final int SHARE = BUDGET / 2;

    static class ApiModeQa extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.redcap.environments.qa.token-administration=manual",
                    "tokengov.redcap.environments.qa.rate-budget-per-minute=" + BUDGET).applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RedcapLogReader reader;
    @Autowired RedcapTokenEvents tokenEvents;
    @Autowired MeterRegistry meters;
    @Autowired TokenRegistry registry;
    @Autowired AuditTrail audit;
    @Autowired TokenUsage usage;

    static void done(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }

    @Test
    void theSameEventsComeFromTheApisLogOnceEachAndEveryReadIsOneCallWithinTheBudget() {
        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        if (simulator.tokenOf("qa", "bob", 201) != null) {
            done(simulator.controlCenterToken("qa", "delete", "bob", 201, "ada"));
        }
        if (simulator.tokenOf("qa", "alice", 201) == null) {
            done(simulator.controlCenterToken("qa", "create", "alice", 201, "ada"));
        }
        String alicesValue = simulator.tokenOf("qa", "alice", 201);
        done(simulator.userRights("qa", "alice", 201, Map.of("api_export", "1")));
        LogCatchUp whole = reader.catchUp(QA);
        assertThat(whole.projects()).as("the API reads only projects it holds a steward token for").containsOnlyKeys(201L);
        long before = tokenEvents.after(QA, 0).stream().mapToLong(TokenEventInRedcap::id).max().orElse(0);

        Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        done(simulator.controlCenterToken("qa", "create", "bob", 201, "ada"));
        done(simulator.exportRecords("qa", alicesValue));
        done(simulator.exportRecords("qa", alicesValue));
        done(simulator.projectApiPage("qa", "regenerate", "bob", 201));
        done(simulator.controlCenterToken("qa", "delete", "bob", 201, "ada"));
        Instant to = Instant.now();

        LogCatchUp first = reader.catchUp(QA);
        LogCatchUp second = reader.catchUp(QA);

        List<TokenEventInRedcap> events = tokenEvents.after(QA, before);
        assertThat(events).extracting(TokenEventInRedcap::projectId, TokenEventInRedcap::username,
                TokenEventInRedcap::actor, TokenEventInRedcap::kind).containsExactly(
                tuple(201L, null, "ada", TokenEventKind.CREATED),
                tuple(201L, "bob", "bob", TokenEventKind.REGENERATED),
                tuple(201L, null, "ada", TokenEventKind.DELETED));
        assertThat(events).allSatisfy(event -> assertThat(event.at())
                .as("REDCap's New York minute, converted").isBetween(from, to));
        assertThat(first.tokenEvents()).isEqualTo(3);
        assertThat(first.leaks()).as("the old values in the regenerate and delete rows are dead").isZero();
        assertThat(second.tokenEvents()).as("read again in the overlap, kept once").isZero();
        UsageSummary alicesUse = usage.summary(new UsageKey(QA, 201, "alice"), from, Instant.now().plusSeconds(60));
        assertThat(alicesUse.counts().calls()).as("API calls counted from the API's log, once though read twice")
                .isEqualTo(2);
        assertThat(alicesUse.counts().recordExports()).isEqualTo(2);

        // A token whose value the registry knows (its fingerprint), refused an import: REDCap logs the POST, token and all.
        String value = alicesValue;
        IssuedToken alices = registry.recordIssued(new NewIssuedToken(null, "alice", QA, 201,
                new TokenRights(true, false, false), TokenFingerprint.of(value)));
        assertThat(simulator.page("qa", "api/", Map.of("token", value, "content", "record", "action", "import",
                "format", "json", "data", "[]")).statusCode()).isEqualTo(403);
        assertThat(reader.catchUp(QA).leaks()).as("a leak seen in the API's log").isEqualTo(1);
        assertThat(audit.ofToken(alices.id())).extracting(AuditEntry::action).contains(AuditAction.TOKEN_VALUE_IN_REDCAP_LOG);
        assertThat(audit.ofToken(alices.id())).allSatisfy(entry -> assertThat(entry.details()).doesNotContainIgnoringCase(value));
        assertThat(logCalls("success")).as("one content=log call per read").isEqualTo(SHARE);

        LogCatchUp beyondTheShare = reader.catchUp(QA);

        assertThat(beyondTheShare.projects()).as("the rest of the budget stays free for revocations").isEmpty();
        assertThat(logCalls("success") + logCalls("budget_exhausted")).as("nothing sent").isEqualTo(SHARE);
        assertThat(tokenEvents.after(QA, before)).as("bob's three events, nothing read beyond the share").hasSize(3);
    }

    private double logCalls(String outcome) {
        return meters.find("tokengov.redcap.calls").tag("environment", "QA").tag("content", "log").tag("outcome", outcome)
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
