package org.tokengov.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** {@link RedcapApiClient} against a small HTTP server standing in for REDCap's API endpoint. */
class RedcapApiClientTest {

    private static final long PROJECT = 101;
    private static final String STEWARD_TOKEN = "5EC2E7AB0D1E5C0FFEE0123456789ABC";
    private static final String USERS = """
            [{"username":"alice","email":"alice@example.org","firstname":"Alice","lastname":"A","expiration":"",
              "data_access_group":"","design":0,"user_rights":0,"logging":0,
              "api_export":1,"api_import":0,"mobile_app":"1"},
             {"username":"pat","email":"pat@example.org","expiration":"2030-01-31",
              "user_rights":1,"api_export":0,"api_import":0,"mobile_app":0}]
            """;

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicReference<Responder> responder = new AtomicReference<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void startFakeRedcap() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/api/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body, parseForm(body)));
                responder.get().respond(exchange, body);
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
    void postsAFormEncodedRequestWithTheProjectsStewardToken() {
        respond(200, "text/plain", "15.7.6");

        assertThat(client().version(RedcapEnvironment.QA, PROJECT)).isEqualTo("15.7.6");

        assertThat(requests).hasSize(1);
        Recorded request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "token", STEWARD_TOKEN, "content", "version", "format", "json", "returnFormat", "json"));
    }

    @Test
    void formEncodingEscapesEverythingThatIsNotSafe() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("data", "[{\"username\":\"a b&c=d+e\"}]");
        form.put("users[0]", "jürgen%");

        String encoded = RedcapApiClient.formEncode(form);

        assertThat(encoded.split("&")).hasSize(2);
        assertThat(parseForm(encoded)).isEqualTo(form);
        assertThat(encoded).doesNotContain(" ", "\"", "[", "ü");
    }

    @Test
    void findsTheProjectUserIgnoringCaseAndMapsTheRow() {
        respond(200, "application/json", USERS);
        RedcapApiClient client = client();

        Optional<RedcapProjectUser> alice = client.findProjectUser(RedcapEnvironment.QA, PROJECT, "ALICE");
        Optional<RedcapProjectUser> pat = client.findProjectUser(RedcapEnvironment.QA, PROJECT, "pat");

        assertThat(alice).contains(new RedcapProjectUser("alice", "alice@example.org", null, true, false, true, false));
        assertThat(pat).contains(new RedcapProjectUser("pat", "pat@example.org", LocalDate.of(2030, 1, 31),
                false, false, false, true));
        assertThat(requests).extracting(r -> r.form().get("content")).containsOnly("user");
        assertThat(requests).extracting(r -> r.form().get("format")).containsOnly("json");
    }

    @Test
    void onlyFullUserRightsCountReadOnlyDoesNot() {
        respond(200, "application/json", """
                [{"username":"full","user_rights":1},{"username":"full-as-text","user_rights":"1"},
                 {"username":"read-only","user_rights":2},{"username":"read-only-as-text","user_rights":"2"},
                 {"username":"none","user_rights":0},{"username":"unset"}]
                """);

        assertThat(client().projectUsers(RedcapEnvironment.QA, PROJECT))
                .extracting(RedcapProjectUser::username, RedcapProjectUser::userRights)
                .containsExactly(tuple("full", true),
                        tuple("full-as-text", true),
                        tuple("read-only", false),
                        tuple("read-only-as-text", false),
                        tuple("none", false),
                        tuple("unset", false));
    }

    @Test
    void someoneWhoIsNotAProjectUserIsEmpty() {
        respond(200, "application/json", USERS);
        assertThat(client().findProjectUser(RedcapEnvironment.QA, PROJECT, "mallory")).isEmpty();
    }

    @Test
    void forbiddenBecomesAccessDeniedWithRedcapsMessage() {
        respond(403, "application/json", "{\"error\":\"You do not have permissions to use the API\"}");

        assertThatThrownBy(() -> client().findProjectUser(RedcapEnvironment.QA, PROJECT, "alice"))
                .isInstanceOf(RedcapAccessDeniedException.class)
                .hasMessageContaining("You do not have permissions to use the API")
                .hasMessageContaining("403")
                .hasMessageContaining("QA")
                .hasMessageContaining("project 101");
    }

    @Test
    void forbiddenWithoutJsonIsStillAccessDenied() {
        respond(403, "text/html", "<html><body><h1>Forbidden</h1></body></html>");

        assertThatThrownBy(() -> client().version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RedcapAccessDeniedException.class)
                .hasMessageContaining("non-JSON body")
                .hasMessageContaining("Forbidden");
    }

    @Test
    void badRequestBecomesRequestRejectedWithRedcapsMessage() {
        respond(400, "application/json", "{\"error\":\"The value you provided for content is not valid\"}");

        assertThatThrownBy(() -> client().version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RedcapRequestRejectedException.class)
                .hasMessageContaining("The value you provided for content is not valid")
                .hasMessageContaining("400");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 404, 405, 413, 429})
    void otherClientErrorsBecomeRequestRejected(int status) {
        respond(status, "text/html", "<html>Nope</html>");

        assertThatThrownBy(() -> client().version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RedcapRequestRejectedException.class)
                .hasMessageContaining(String.valueOf(status))
                .hasMessageContaining("Nope");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsBecomeUnavailable(int status) {
        respond(status, "text/html", "<html>\n<title>Maintenance</title>\n</html>");

        assertThatThrownBy(() -> client().version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining(String.valueOf(status))
                .hasMessageContaining("<title>Maintenance</title>")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEmptyErrorBodyIsSaidSo() {
        respond(500, "text/plain", "");

        assertThatThrownBy(() -> client().version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("(empty body)");
    }

    @Test
    void aRedirectIsNotFollowedAndNotRetryable() {
        responder.set((exchange, body) -> {
            exchange.getResponseHeaders().add("Location", "https://redcap.example.org/api/");
            exchange.sendResponseHeaders(302, -1);
        });

        Throwable thrown = catchThrowable(() -> client().version(RedcapEnvironment.QA, PROJECT));

        assertThat(thrown).isExactlyInstanceOf(RedcapException.class).hasMessageContaining("302");
        assertThat(requests).hasSize(1);
    }

    @Test
    void malformedJsonBecomesUnavailable() {
        respond(200, "application/json", "[{\"username\": \"alice\", ");

        assertThatThrownBy(() -> client().findProjectUser(RedcapEnvironment.QA, PROJECT, "alice"))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void jsonThatIsNotAListOfUsersBecomesUnavailable() {
        respond(200, "application/json", "{\"error\":\"odd\"}");

        assertThatThrownBy(() -> client().findProjectUser(RedcapEnvironment.QA, PROJECT, "alice"))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("expected a JSON array");
    }

    @Test
    void aBadExpirationDateBecomesUnavailable() {
        respond(200, "application/json", "[{\"username\":\"alice\",\"expiration\":\"31/01/2030\"}]");

        assertThatThrownBy(() -> client().findProjectUser(RedcapEnvironment.QA, PROJECT, "alice"))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("expiration");
    }

    @Test
    void anHtmlPageInsteadOfAVersionBecomesUnavailable() {
        respond(200, "text/html", "<html>Login</html>");

        assertThatThrownBy(() -> client().version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("not a version");
    }

    @Test
    void aServerThatNeverAnswersBecomesUnavailableWithinTheTimeOut() {
        responder.set((exchange, body) -> awaitRelease());
        long started = System.nanoTime();

        assertThatThrownBy(() -> client().version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("did not answer within 500 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aServerThatStallsInTheMiddleOfTheBodyBecomesUnavailableWithinTheTimeOut() {
        responder.set((exchange, body) -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("[{\"username\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            awaitRelease();
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> client().findProjectUser(RedcapEnvironment.QA, PROJECT, "alice"))
                .isInstanceOf(RedcapUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aServerThatIsNotThereBecomesUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RedcapApiClient client = client(URI.create("http://127.0.0.1:" + closedPort + "/api/"),
                Map.of(PROJECT, STEWARD_TOKEN), 600);

        assertThatThrownBy(() -> client.version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void aProjectWithoutStewardTokenIsNotEnrolledAndNothingIsSent() {
        respond(200, "application/json", USERS);

        assertThatThrownBy(() -> client().findProjectUser(RedcapEnvironment.QA, 999, "alice"))
                .isExactlyInstanceOf(RedcapException.class)
                .hasMessageContaining("not enrolled")
                .hasMessageContaining("no steward token configured for project 999 on QA");
        assertThat(requests).isEmpty();
    }

    @Test
    void anEnvironmentWithoutServerIsAConfigurationError() {
        assertThatThrownBy(() -> client().version(RedcapEnvironment.PROD, PROJECT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PROD");
    }

    @Test
    void everyCallTakesAPermitFromTheEnvironmentsBudget() {
        respond(200, "text/plain", "15.7.6");
        RedcapProperties properties = properties(baseUri(), Map.of(PROJECT, STEWARD_TOKEN), 2);
        RedcapApiClient client = new RedcapApiClient(properties,
                new RateBudgets(properties, RateBudget.WINDOW, Duration.ZERO, TimeSource.SYSTEM), meters);

        client.version(RedcapEnvironment.QA, PROJECT);
        client.version(RedcapEnvironment.QA, PROJECT);

        assertThatThrownBy(() -> client.version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("rate budget exhausted");
        assertThat(requests).hasSize(2);
    }

    @Test
    void everyCallIsCountedByEnvironmentContentAndOutcome() {
        RedcapApiClient client = client();
        respond(200, "text/plain", "15.7.6");
        client.version(RedcapEnvironment.QA, PROJECT);
        client.version(RedcapEnvironment.QA, PROJECT);
        respond(403, "application/json", "{\"error\":\"You do not have permissions to use the API\"}");
        catchThrowable(() -> client.projectUsers(RedcapEnvironment.QA, PROJECT));
        respond(400, "application/json", "{\"error\":\"bad\"}");
        catchThrowable(() -> client.logSince(RedcapEnvironment.QA, PROJECT, java.time.LocalDateTime.of(2026, 1, 1, 0, 0)));
        respond(500, "text/plain", "down");
        catchThrowable(() -> client.version(RedcapEnvironment.QA, PROJECT));
        respond(200, "text/html", "<html>maintenance</html>");
        catchThrowable(() -> client.projectUsers(RedcapEnvironment.QA, PROJECT));
        catchThrowable(() -> client.version(RedcapEnvironment.QA, 999));

        assertThat(calls("version", "success")).isEqualTo(2);
        assertThat(calls("user", "access_denied")).isEqualTo(1);
        assertThat(calls("log", "rejected")).isEqualTo(1);
        assertThat(calls("version", "unavailable")).isEqualTo(1);
        assertThat(calls("user", "unavailable")).as("a 200 that is not REDCap's answer").isEqualTo(1);
        assertThat(calls("version", "error")).as("a project that is not enrolled").isEqualTo(1);
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags().toString())
                .doesNotContain(STEWARD_TOKEN, "alice"));
    }

    @Test
    void aSpentBudgetIsCountedAsSuchAndNothingIsSent() {
        respond(200, "text/plain", "15.7.6");
        RedcapProperties properties = properties(baseUri(), Map.of(PROJECT, STEWARD_TOKEN), 1);
        RedcapApiClient client = new RedcapApiClient(properties,
                new RateBudgets(properties, RateBudget.WINDOW, Duration.ZERO, TimeSource.SYSTEM), meters);
        client.version(RedcapEnvironment.QA, PROJECT);

        assertThatThrownBy(() -> client.version(RedcapEnvironment.QA, PROJECT))
                .isInstanceOf(RateBudgetExhaustedException.class);

        assertThat(calls("version", "budget_exhausted")).isEqualTo(1);
        assertThat(requests).hasSize(1);
    }

    @Test
    void aProbeAsksForTheVersionWithTheLowestEnrolledProjectsToken() {
        respond(200, "text/plain", "15.7.6");
        RedcapApiClient client = client(baseUri(), Map.of(205L, "0000000000000000000000000000205A", PROJECT, STEWARD_TOKEN),
                600);

        assertThat(client.probeVersion(RedcapEnvironment.QA, Duration.ofSeconds(1))).contains("15.7.6");

        assertThat(requests).singleElement().satisfies(request -> assertThat(request.form())
                .containsEntry("token", STEWARD_TOKEN).containsEntry("content", "version"));
        assertThat(calls("version", "success")).isEqualTo(1);
    }

    @Test
    void aProbeGivesUpAfterItsOwnShortTimeOut() {
        responder.set((exchange, body) -> awaitRelease());
        RedcapProperties properties = new RedcapProperties(Map.of(RedcapEnvironment.QA, new RedcapProperties.Server(
                baseUri(), TokenAdministrationMode.MANUAL, null, Map.of(PROJECT, STEWARD_TOKEN), null, null, 600,
                Duration.ofSeconds(10), Duration.ofSeconds(30))));
        RedcapApiClient client = new RedcapApiClient(properties, new RateBudgets(properties), meters);
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.probeVersion(RedcapEnvironment.QA, Duration.ofMillis(300)))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("did not answer within 300 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aProbeNeverWaitsForTheBudgetButCountsAgainstIt() {
        respond(200, "text/plain", "15.7.6");
        RedcapProperties properties = properties(baseUri(), Map.of(PROJECT, STEWARD_TOKEN), 1);
        RedcapApiClient client = new RedcapApiClient(properties,
                new RateBudgets(properties, RateBudget.WINDOW, Duration.ofMinutes(5), TimeSource.SYSTEM), meters);
        client.probeVersion(RedcapEnvironment.QA, Duration.ofSeconds(1));
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.probeVersion(RedcapEnvironment.QA, Duration.ofSeconds(1)))
                .isInstanceOf(RateBudgetExhaustedException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(requests).hasSize(1);
    }

    @Test
    void aProbeOfAnEnvironmentWithoutEnrolledProjectSendsNothing() {
        assertThat(client(baseUri(), Map.of(), 600).probeVersion(RedcapEnvironment.QA, Duration.ofSeconds(1))).isEmpty();
        assertThat(requests).isEmpty();
    }

    private double calls(String content, String outcome) {
        Counter counter = meters.find(RedcapCallCounter.API_CALLS)
                .tags("environment", "QA", "content", content, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 403, 404, 500})
    void theStewardTokenNeverAppearsInAnExceptionEvenWhenTheServerEchoesTheRequest(int status) {
        // A misbehaving proxy that quotes the request back: once across the excerpt's 200-character cut, then whole.
        responder.set((exchange, body) -> reply(exchange, status, "text/html",
                "x".repeat(180) + body + " <pre>" + body + "</pre>"));
        String encodedToken = "ab+/=cd%ef" + STEWARD_TOKEN;
        RedcapApiClient client = client(baseUri(), Map.of(PROJECT, STEWARD_TOKEN, 102L, encodedToken), 600);

        for (long project : List.of(PROJECT, 102L)) {
            Throwable thrown = catchThrowable(() -> client.findProjectUser(RedcapEnvironment.QA, project, "alice"));
            assertThat(thrown).isInstanceOf(RedcapException.class);
            String everything = stackTraceOf(thrown);
            assertThat(everything).doesNotContain(STEWARD_TOKEN.substring(0, 12), STEWARD_TOKEN.substring(20));
            assertThat(everything).doesNotContain(encodedToken, "ab%2B%2F%3Dcd%25ef");
        }
    }

    @Test
    void theStewardTokenNeverAppearsInAnExceptionOfAnyOtherKind() {
        RedcapApiClient client = client();
        responder.set((exchange, body) -> awaitRelease());
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        thrown.add(catchThrowable(() -> client.version(RedcapEnvironment.QA, PROJECT)));
        thrown.add(catchThrowable(() -> client.version(RedcapEnvironment.QA, 999)));
        thrown.add(catchThrowable(() -> client.version(RedcapEnvironment.PROD, PROJECT)));

        assertThat(thrown).allSatisfy(t -> assertThat(stackTraceOf(t)).doesNotContain(STEWARD_TOKEN));
    }

    @Test
    void theStewardTokenNeverAppearsInALogLineOrToString() {
        Logger logger = (Logger) LoggerFactory.getLogger(RedcapApiClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
        try {
            RedcapApiClient client = client();
            respond(200, "application/json", USERS);
            client.findProjectUser(RedcapEnvironment.QA, PROJECT, "alice");
            respond(403, "application/json", "{\"error\":\"You do not have permissions to use the API\"}");
            catchThrowable(() -> client.version(RedcapEnvironment.QA, PROJECT));
            respond(500, "text/plain", "echo " + STEWARD_TOKEN);
            catchThrowable(() -> client.version(RedcapEnvironment.QA, PROJECT));

            assertThat(appender.list).isNotEmpty();
            assertThat(appender.list).allSatisfy(event -> {
                assertThat(event.getFormattedMessage()).doesNotContain(STEWARD_TOKEN);
                assertThat(String.valueOf(event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()))
                        .doesNotContain(STEWARD_TOKEN);
            });
            assertThat(client.toString()).doesNotContain(STEWARD_TOKEN);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    @Test
    void scrubRemovesThePlainAndTheEncodedSecret() {
        assertThat(RedcapApiClient.scrub("a SECRET b a%2Bb", "SECRET")).isEqualTo("a *** b a%2Bb");
        assertThat(RedcapApiClient.scrub("token=a%2Bb&x=a+b", "a+b")).isEqualTo("token=***&x=***");
        assertThat(RedcapApiClient.scrub(null, "x")).isNull();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    @Test
    void theLogIsAskedFromTheBeginMinuteAndComesBackTypedAndScrubbedOfEveryTokenValue() {
        String leaked = "ABCDEF0123456789ABCDEF0123456789";
        String old = "0123456789abcdef0123456789abcdef";
        respond(200, "application/json", """
                [{"timestamp":"2026-11-01 01:30","username":"alice","action":"Failed API request (user rights invalid)",
                  "details":"token=%s&content=record&format=json","record":""},
                 {"timestamp":"2026-11-01 01:05","username":"ada","action":"Manage/Design",
                  "details":"Regenerate API token for user; Replaced token = %s","record":""},
                 {"timestamp":"2026-11-01 01:00","username":"bob","action":"Export data (API)","details":"","record":""}]
                """.formatted(leaked, old));

        List<RedcapLogRow> rows = client().logSince(RedcapEnvironment.QA, PROJECT, java.time.LocalDateTime.of(2026, 11, 1, 0, 55));

        assertThat(requests.get(0).form()).containsEntry("content", "log").containsEntry("beginTime", "2026-11-01 00:55")
                .doesNotContainKey("user");
        assertThat(rows).extracting(RedcapLogRow::at, RedcapLogRow::user, RedcapLogRow::description, RedcapLogRow::details)
                .containsExactly(
                        tuple(java.time.LocalDateTime.of(2026, 11, 1, 1, 30), "alice",
                                "Failed API request (user rights invalid)", "token=[token]&content=record&format=json"),
                        tuple(java.time.LocalDateTime.of(2026, 11, 1, 1, 5), "ada", "Manage/Design",
                                "Regenerate API token for user; Replaced token = [token]"),
                        tuple(java.time.LocalDateTime.of(2026, 11, 1, 1, 0), "bob", "Export data (API)", null));
        assertThat(rows.get(0).tokenValues()).containsExactly(TokenFingerprint.of(leaked));
        assertThat(rows.get(1).tokenValues()).contains(TokenFingerprint.of(old.toUpperCase()));
        assertThat(rows.get(2).tokenValues()).isEmpty();
        assertThat(rows.toString()).doesNotContainIgnoringCase(leaked).doesNotContainIgnoringCase(old);
        assertThat(calls("log", "success")).isEqualTo(1);
    }

    @Test
    void aLogAnswerThatIsNotRedcapsIsQuotedWithoutAnyTokenValue() {
        String leaked = "ABCDEF0123456789ABCDEF0123456789";
        respond(200, "application/json", "[{\"timestamp\":\"yesterday\",\"details\":\"token=" + leaked + "\"}]");

        assertThatThrownBy(() -> client().logSince(RedcapEnvironment.QA, PROJECT, java.time.LocalDateTime.of(2026, 1, 1, 0, 0)))
                .isInstanceOf(RedcapUnavailableException.class)
                .hasMessageContaining("timestamp is not YYYY-MM-DD HH:MM")
                .hasMessageNotContaining(leaked);
    }

    @Test
    void theLogIsNeverAskedForWithoutABeginTime() {
        assertThatThrownBy(() -> client().logSince(RedcapEnvironment.QA, PROJECT, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(requests).isEmpty();
    }

    private RedcapApiClient client() {
        return client(baseUri(), Map.of(PROJECT, STEWARD_TOKEN), 600);
    }

    private RedcapApiClient client(URI apiUrl, Map<Long, String> stewardTokens, int budget) {
        RedcapProperties properties = properties(apiUrl, stewardTokens, budget);
        return new RedcapApiClient(properties, new RateBudgets(properties), meters);
    }

    private static RedcapProperties properties(URI apiUrl, Map<Long, String> stewardTokens, int budget) {
        return new RedcapProperties(Map.of(RedcapEnvironment.QA, new RedcapProperties.Server(apiUrl,
                TokenAdministrationMode.MANUAL, null, stewardTokens, null, null, budget, Duration.ofSeconds(1),
                Duration.ofMillis(500))));
    }

    private URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    private void respond(int status, String contentType, String body) {
        responder.set((exchange, requestBody) -> reply(exchange, status, contentType, body));
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String stackTraceOf(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @FunctionalInterface
    private interface Responder {
        void respond(HttpExchange exchange, String requestBody) throws IOException;
    }

    private record Recorded(String method, String path, String contentType, String body, Map<String, String> form) {
    }
}
