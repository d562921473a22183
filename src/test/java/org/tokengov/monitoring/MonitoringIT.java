package org.tokengov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.offboarding.OffboardingEvent;
import org.tokengov.redcap.RedcapApiClient;
import org.tokengov.registry.IssuedToken;
import org.tokengov.testsupport.HrWebhookClient;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * Health and metrics over real HTTP, as Kubernetes and Prometheus see them: PostgreSQL, the REDCap simulator on
 * MariaDB, tokens issued and revoked the app's way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = MonitoringIT.OwnServers.class)
@AutoConfigureObservability(tracing = false) // Boot's tests leave metrics export off unless asked
class MonitoringIT {

    static final String SECRET = "hr-" + UUID.randomUUID();
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    static class OwnServers extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            // Short caches, so the test sees changes without waiting half a minute.
            TestPropertyValues.of("tokengov.hr.webhook-secret=" + SECRET,
                    "tokengov.monitoring.redcap-health-cache-for=PT0.5S",
                    "tokengov.monitoring.metrics-cache-for=PT0S").applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired RedcapApiClient redcap;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void redcapBack() {
        new SimulatorHttp(RealServers.baseUrl(context)).outage("qa", "none");
    }

    @Test
    void healthIsUpWithTheDatabaseAndBothRedcapServersButShowsNoDetails() throws Exception {
        HttpResponse<String> answer = get("/actuator/health");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode health = json(answer);
        assertThat(health.at("/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/redcap/components/qa/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/redcap/components/prod/status").asText()).isEqualTo("UP");
        assertThat(answer.body()).doesNotContain("details", "version", RealServers.QA_STEWARD_TOKEN,
                RealServers.PROD_STEWARD_TOKEN, "jdbc:");

        assertThat(json(get("/actuator/health/liveness")).at("/status").asText()).isEqualTo("UP");
        JsonNode readiness = json(get("/actuator/health/readiness"));
        assertThat(readiness.at("/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components").fieldNames()).toIterable().containsExactlyInAnyOrder("db", "readinessState");
    }

    @Test
    void redcapDownIsDownInHealthButTheAppStaysLiveAndReady() throws Exception {
        new SimulatorHttp(RealServers.baseUrl(context)).outage("qa", "error");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(json(get("/actuator/health"))
                .at("/components/redcap/components/qa/status").asText()).isEqualTo("DOWN"));

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as("a monitor sees the overall status").isEqualTo(503);
        assertThat(json(health).at("/status").asText()).isEqualTo("DOWN");
        assertThat(json(health).at("/components/redcap/components/prod/status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).as("Tasklist and the HR webhook stay reachable")
                .isEqualTo(200);

        new SimulatorHttp(RealServers.baseUrl(context)).outage("qa", "none");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/actuator/health").statusCode())
                .isEqualTo(200));
    }

    @Test
    void tokensByEnvironmentAndStateAndTheTokenWritesThatMadeThem() throws Exception {
        Map<String, Double> before = scrape();

        new IssuedTokens(context).issue("alice", PROD, 101);
        new IssuedTokens(context).issue("alice", QA, 201);
        new IssuedTokens(context).issue("rita", QA, 201);

        Map<String, Double> after = scrape();
        assertThat(increase(before, after, "tokengov_tokens", "environment=PROD,state=ACTIVE")).isEqualTo(1);
        assertThat(increase(before, after, "tokengov_tokens", "environment=QA,state=QA_ACTIVE")).isEqualTo(2);
        assertThat(increase(before, after, "tokengov_tokens", "environment=PROD,state=QA_ACTIVE")).isZero();
        assertThat(increase(before, after, "tokengov_redcap_database_writes_total",
                "environment=QA,operation=create,outcome=success")).isEqualTo(2);
        assertThat(after).containsKey("tokengov_token_requests_open{application=redcap-token-governance}");
        assertThat(after).containsKey("tokengov_mail_outbox_pending{application=redcap-token-governance}");
        assertThat(after.keySet()).noneMatch(sample -> sample.contains("alice") || sample.contains("rita"));
    }

    @Test
    void redcapCallsAreCountedByOutcome() throws Exception {
        Map<String, Double> before = scrape();

        redcap.projectUsers(QA, 201);
        redcap.projectUsers(QA, 201);
        new SimulatorHttp(RealServers.baseUrl(context)).outage("qa", "error");
        try {
            redcap.projectUsers(QA, 201);
        } catch (RuntimeException expected) {
            // REDCap QA is down
        }

        Map<String, Double> after = scrape();
        assertThat(increase(before, after, "tokengov_redcap_calls_total", "environment=QA,content=user,outcome=success"))
                .isEqualTo(2);
        assertThat(increase(before, after, "tokengov_redcap_calls_total",
                "environment=QA,content=user,outcome=unavailable")).isEqualTo(1);
        String exposition = get("/actuator/prometheus").body();
        assertThat(exposition).doesNotContain(RealServers.QA_STEWARD_TOKEN, RealServers.PROD_STEWARD_TOKEN);
    }

    @Test
    void openIncidentsAreCounted() throws Exception {
        IssuedToken token = new IssuedTokens(context).issue("pat", PROD, 101);
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(token.id())
                .singleResult();
        String waitingAt = runtime.getActiveActivityIds(lifecycle.getId()).get(0);
        Execution waiting = runtime.createExecutionQuery().processInstanceId(lifecycle.getId()).activityId(waitingAt)
                .list().get(0);
        double before = value(scrape(), "tokengov_incidents_open", "");

        Incident incident = runtime.createIncident("monitoringTest", waiting.getId(), "monitoring-test", "a test incident");
        try {
            assertThat(value(scrape(), "tokengov_incidents_open", "")).isEqualTo(before + 1);
        } finally {
            runtime.resolveIncident(incident.getId());
        }
        assertThat(value(scrape(), "tokengov_incidents_open", "")).isEqualTo(before);
    }

    @Test
    void anOffboardingRecordsItsTimeToFullRevocation() throws Exception {
        new IssuedTokens(context).issue("bob", PROD, 101);
        new IssuedTokens(context).issue("bob", QA, 201);
        Map<String, Double> before = scrape();

        HttpResponse<String> accepted = new HrWebhookClient(RealServers.baseUrl(context), SECRET)
                .deliver(HrWebhookClient.event(OffboardingEvent.TERMINATED, "bob", null, Instant.now()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Jobs.runDue(management);

        Map<String, Double> after = scrape();
        assertThat(increase(before, after, "tokengov_offboarding_time_to_revoke_seconds_count", "")).isEqualTo(1);
        assertThat(increase(before, after, "tokengov_offboarding_time_to_revoke_seconds_bucket", "le=86400.0"))
                .isEqualTo(1);
        assertThat(increase(before, after, "tokengov_tokens", "environment=PROD,state=REVOKED")).isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "tokengov_redcap_database_writes_total",
                "environment=PROD,operation=delete,outcome=success")).isGreaterThanOrEqualTo(1);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> answer) throws IOException {
        return new ObjectMapper().readTree(answer.body());
    }

    /** Every sample of {@code /actuator/prometheus}, keyed {@code name{label=value,...}} in the exposition's order. */
    private Map<String, Double> scrape() throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/actuator/prometheus");
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : answer.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            StringBuilder labels = new StringBuilder();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                labels.append(labels.isEmpty() ? "" : ",").append(label.group(1)).append('=').append(label.group(2));
            }
            samples.put(sample.group(1) + "{" + labels + "}", Double.parseDouble(sample.group(3)));
        }
        return samples;
    }

    /** The one sample of {@code name} whose labels include {@code labels} (comma-separated name=value); 0 if none. */
    private static double value(Map<String, Double> samples, String name, String labels) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().startsWith(name + "{"))
                .filter(sample -> labels.isEmpty() || Arrays.stream(labels.split(","))
                        .allMatch(label -> sample.getKey().matches(".*[{,]" + Pattern.quote(label) + "[,}].*")))
                .mapToDouble(Map.Entry::getValue)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one sample of " + name + " with " + labels);
                })
                .orElse(0);
    }

    private static double increase(Map<String, Double> before, Map<String, Double> after, String name, String labels) {
        return value(after, name, labels) - value(before, name, labels);
    }
}
