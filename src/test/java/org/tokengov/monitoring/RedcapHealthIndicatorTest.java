package org.tokengov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.tokengov.redcap.RateBudgets;
import org.tokengov.redcap.RedcapApiClient;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProperties;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.redcap.TokenAdministrationMode;

/** {@link RedcapHealthIndicator} with the real REDCap client against a small HTTP server standing in for REDCap. */
class RedcapHealthIndicatorTest {

    private static final String STEWARD_TOKEN = "5EC2E7AB0D1E5C0FFEE0123456789ABC";
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "15.7.6"));
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicLong now = new AtomicLong();

    record Answer(int status, String body) {
    }

    @BeforeEach
    void startFakeRedcap() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/api/", exchange -> {
            try (exchange) {
                calls.incrementAndGet();
                Answer current = answer.get();
                if (current == null) {
                    release.await(10, TimeUnit.SECONDS);
                    return;
                }
                reply(exchange, current);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stopFakeRedcap() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void upWithTheVersionWhenRedcapAnswers() {
        Health health = indicator(Map.of(201L, STEWARD_TOKEN), 120).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("version", "15.7.6");
    }

    @Test
    void downWhenRedcapFails() {
        answer.set(new Answer(503, "{\"error\":\"Service unavailable\"}"));

        Health health = indicator(Map.of(201L, STEWARD_TOKEN), 120).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("HTTP 503");
    }

    @Test
    void downWhenRedcapRefusesTheStewardTokenAndTheTokenIsNowhereInTheAnswer() {
        answer.set(new Answer(403, "{\"error\":\"You do not have permissions to use the API\"} echo " + STEWARD_TOKEN));

        Health health = indicator(Map.of(201L, STEWARD_TOKEN), 120).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("refused the steward token");
        assertThat(health.toString()).doesNotContain(STEWARD_TOKEN);
    }

    @Test
    void downWithinTheProbesTimeOutWhenRedcapHangs() {
        answer.set(null);
        long started = System.nanoTime();

        Health health = indicator(Map.of(201L, STEWARD_TOKEN), 120).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void downWhenRedcapAnswersSomethingThatIsNotAVersion() {
        answer.set(new Answer(200, "<html>Down for maintenance</html>"));

        assertThat(indicator(Map.of(201L, STEWARD_TOKEN), 120).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void unknownAndNothingSentWhileNoProjectIsEnrolled() {
        Health health = indicator(Map.of(), 120).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aResultIsReusedForTheCachePeriodThenCheckedAgain() {
        RedcapHealthIndicator indicator = indicator(Map.of(201L, STEWARD_TOKEN), 120);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        answer.set(new Answer(500, "down"));

        now.addAndGet(CACHE_FOR.minusSeconds(1).toNanos());
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(calls).hasValue(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aSpentRateBudgetKeepsTheLastAnswerInsteadOfWaitingOrCalling() {
        RedcapHealthIndicator indicator = indicator(Map.of(201L, STEWARD_TOKEN), 1);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        answer.set(new Answer(500, "down"));
        now.addAndGet(CACHE_FOR.toNanos());
        long started = System.nanoTime();

        assertThat(indicator.health().getStatus()).as("the one call of the minute is spent").isEqualTo(Status.UP);

        assertThat(calls).hasValue(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aDatabaseModeServerWithoutStewardTokensIsCheckedThroughItsDatabase() {
        Health health = indicator(Map.of(), 120, () -> true).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("database", "answers");
        assertThat(calls).as("no API call without a token to ask with").hasValue(0);
    }

    @Test
    void downWhenTheDatabaseOfADatabaseModeServerDoesNotAnswer() {
        Health health = indicator(Map.of(), 120, () -> {
            throw new RedcapUnavailableException("REDCap QA's database does not answer: connection refused");
        }).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("database does not answer");
    }

    private RedcapHealthIndicator indicator(Map<Long, String> stewardTokens, int budget) {
        return indicator(stewardTokens, budget, null);
    }

    private RedcapHealthIndicator indicator(Map<Long, String> stewardTokens, int budget, BooleanSupplier database) {
        RedcapProperties properties = new RedcapProperties(Map.of(RedcapEnvironment.QA, new RedcapProperties.Server(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/"), TokenAdministrationMode.MANUAL,
                null, stewardTokens, null, null, budget, Duration.ofSeconds(1), Duration.ofSeconds(30))));
        RedcapApiClient client = new RedcapApiClient(properties, new RateBudgets(properties), new SimpleMeterRegistry());
        return new RedcapHealthIndicator(client, RedcapEnvironment.QA, database, Duration.ofMillis(500), CACHE_FOR,
                now::get);
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
