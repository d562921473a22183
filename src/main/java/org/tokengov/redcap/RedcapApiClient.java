package org.tokengov.redcap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link RedcapApi} over REDCap's one HTTP endpoint: a form-encoded POST per call, made with the steward token
 * configured for the project, after taking a permit from the server's {@link RateBudget}.
 *
 * <p>REDCap's answers map to exceptions: 403 → {@link RedcapAccessDeniedException}, 400 and other 4xx →
 * {@link RedcapRequestRejectedException}, 5xx, time-outs, connection failures and bodies that are not the
 * expected JSON → {@link RedcapUnavailableException} (worth retrying), anything else → {@link RedcapException}.
 *
 * <p>The steward token is a secret: it is never logged, never part of an exception message (any text taken from
 * REDCap's answer is scrubbed of it, in case a proxy echoes the request) and not in {@link #toString()}.
 *
 * <p>Every call is counted in {@value RedcapCallCounter#API_CALLS} by environment, content and outcome.
 */
@Component
public class RedcapApiClient implements RedcapApi {

    private static final Logger log = LoggerFactory.getLogger(RedcapApiClient.class);
    private static final int MAX_QUOTED_BODY = 200;

    private final RedcapProperties properties;
    private final RateBudgets rateBudgets;
    private final RedcapCallCounter calls;
    private final Map<RedcapEnvironment, HttpClient> clients;
    private static final java.time.format.DateTimeFormatter LOG_TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ObjectMapper json = new ObjectMapper();

    public RedcapApiClient(RedcapProperties properties, RateBudgets rateBudgets, MeterRegistry meters) {
        this.properties = properties;
        this.rateBudgets = rateBudgets;
        this.calls = RedcapCallCounter.apiCalls(meters);
        Map<RedcapEnvironment, HttpClient> byEnvironment = new EnumMap<>(RedcapEnvironment.class);
        properties.environments().forEach((environment, server) -> byEnvironment.put(environment,
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(server.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build()));
        this.clients = Collections.unmodifiableMap(byEnvironment);
    }

    @Override
    public String version(RedcapEnvironment environment, long projectId) {
        return call(environment, projectId, "version", Map.of(), body -> readVersion(body, environment, projectId));
    }

    /**
     * Whether the environment's REDCap answers right now, for health checks: {@code content=version} with the steward
     * token of its lowest enrolled project (the cheapest call REDCap has). It counts against the rate budget, since
     * REDCap's limiter counts it too, but never waits for a permit, and gives up after {@code timeout}.
     *
     * @return REDCap's version, or empty if no project is enrolled on the environment (no token to ask with)
     * @throws RateBudgetExhaustedException at once if the budget has no permit free right now; nothing was sent
     * @throws RedcapException as every other call, if REDCap does not answer as it should
     */
    public Optional<String> probeVersion(RedcapEnvironment environment, Duration timeout) {
        Optional<Long> project = properties.server(environment).stewardTokens().entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(Map.Entry::getKey)
                .min(Long::compare);
        if (project.isEmpty()) {
            return Optional.empty();
        }
        RateBudget budget = rateBudgets.of(environment);
        Runnable permitNowOrNever = () -> {
            if (!budget.tryAcquire()) {
                throw new RateBudgetExhaustedException("rate budget exhausted for REDCap " + environment
                        + ": no call free right now, and a health check does not wait for one");
            }
        };
        return Optional.of(counted(environment, "version", () -> readVersion(
                exchange(environment, project.get(), "version", Map.of(), timeout, permitNowOrNever),
                environment, project.get())));
    }

    private String readVersion(String answer, RedcapEnvironment environment, long projectId) {
        String body = answer.trim();
        // REDCap answers plain text (15.7.6); tolerate a JSON string ("15.7.6") too.
        if (body.length() >= 2 && body.startsWith("\"") && body.endsWith("\"")) {
            body = body.substring(1, body.length() - 1);
        }
        if (!body.matches("\\d+(\\.\\d+)*")) {
            throw new RedcapUnavailableException(where(environment, projectId, "version")
                    + " answered 200 with something that is not a version: " + quote(body, environment, projectId));
        }
        return body;
    }

    @Override
    public Optional<RedcapProjectUser> findProjectUser(RedcapEnvironment environment, long projectId, String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A username is needed to look up a project user");
        }
        return projectUsers(environment, projectId).stream()
                .filter(user -> user.username().equalsIgnoreCase(username.trim()))
                .findFirst();
    }

    @Override
    public List<RedcapProjectUser> projectUsers(RedcapEnvironment environment, long projectId) {
        return call(environment, projectId, "user", Map.of(), body -> readProjectUsers(body, environment, projectId));
    }

    private List<RedcapProjectUser> readProjectUsers(String body, RedcapEnvironment environment, long projectId) {
        JsonNode users = parseJson(body, environment, projectId, "user");
        if (!users.isArray()) {
            throw malformed(environment, projectId, "user", "expected a JSON array of users", body);
        }
        List<RedcapProjectUser> result = new ArrayList<>();
        for (JsonNode user : users) {
            if (user.get("username") != null && user.get("username").isTextual()) {
                result.add(toProjectUser(user, environment, projectId, body));
            }
        }
        return result;
    }

    @Override
    public void setApiRights(RedcapEnvironment environment, long projectId, String username, TokenRights rights) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A username is needed to set API rights");
        }
        String data = json.createArrayNode().add(json.createObjectNode()
                .put("username", username.trim())
                .put("api_export", rights.export() ? 1 : 0)
                .put("api_import", rights.importData() ? 1 : 0)
                .put("mobile_app", rights.mobileApp() ? 1 : 0)).toString();
        call(environment, projectId, "user", Map.of("data", data), body -> {
            if (!body.trim().equals("1")) {
                throw malformed(environment, projectId, "user", "expected the import count 1", body.trim());
            }
            return body;
        });
    }

    /**
     * {@code content=user} import of the user's User Rights {@code expiration}: REDCap refuses them on the project from
     * that day on. A user in a REDCap user role cannot be changed this way: {@link RedcapRoleMemberException}.
     */
    public void setExpiration(RedcapEnvironment environment, long projectId, String username, LocalDate expiration) {
        if (username == null || username.isBlank() || expiration == null) {
            throw new IllegalArgumentException("A username and a date are needed to set an expiration");
        }
        String data = json.createArrayNode().add(json.createObjectNode()
                .put("username", username.trim())
                .put("expiration", expiration.toString())).toString();
        call(environment, projectId, "user", Map.of("data", data), body -> {
            if (!body.trim().equals("1")) {
                throw malformed(environment, projectId, "user", "expected the import count 1", body.trim());
            }
            return body;
        });
    }

    @Override
    public List<RedcapLogRow> logSince(RedcapEnvironment environment, long projectId, LocalDateTime beginTime) {
        if (beginTime == null) {
            throw new IllegalArgumentException("A begin time is needed: without one REDCap sends the whole log");
        }
        return call(environment, projectId, "log", Map.of("beginTime", LOG_TIMESTAMP.format(beginTime)),
                body -> readLog(body, environment, projectId));
    }

    private List<RedcapLogRow> readLog(String body, RedcapEnvironment environment, long projectId) {
        JsonNode events = parseJson(body, environment, projectId, "log");
        if (!events.isArray()) {
            throw malformed(environment, projectId, "log", "expected a JSON array of log events", body);
        }
        List<RedcapLogRow> rows = new ArrayList<>();
        for (JsonNode event : events) {
            String timestamp = text(event, "timestamp");
            LocalDateTime at;
            try {
                at = LocalDateTime.parse(timestamp == null ? "" : timestamp.trim(), LOG_TIMESTAMP);
            } catch (DateTimeParseException e) {
                throw malformed(environment, projectId, "log", "timestamp is not YYYY-MM-DD HH:MM", body);
            }
            Set<TokenFingerprint> values = new LinkedHashSet<>();
            String user = scrubbed(text(event, "username"), values);
            String action = scrubbed(text(event, "action"), values);
            String details = scrubbed(text(event, "details"), values);
            String record = scrubbed(text(event, "record"), values);
            rows.add(new RedcapLogRow(0, null, projectId, at, user, null, null, null, record, action, details, values));
        }
        return rows;
    }

    private static String scrubbed(String text, Set<TokenFingerprint> values) {
        TokenValuesInText.Scrubbed scrubbed = TokenValuesInText.scrub(text == null || text.isEmpty() ? null : text);
        values.addAll(scrubbed.tokenValues());
        return scrubbed.text();
    }

    private RedcapProjectUser toProjectUser(JsonNode user, RedcapEnvironment environment, long projectId, String body) {
        String email = text(user, "email");
        String expiration = text(user, "expiration");
        LocalDate expirationDate;
        try {
            expirationDate = expiration == null || expiration.isBlank() ? null : LocalDate.parse(expiration.trim());
        } catch (DateTimeParseException e) {
            throw malformed(environment, projectId, "user", "expiration is not a YYYY-MM-DD date", body);
        }
        return new RedcapProjectUser(
                user.get("username").asText(),
                email == null || email.isBlank() ? null : email,
                expirationDate,
                flag(user, "api_export"),
                flag(user, "api_import"),
                flag(user, "mobile_app"),
                fullUserRights(user));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * {@code user_rights} is a level since REDCap 14: 0 none, 1 full access, 2 read-only. Only full access manages who
     * is on the project; a read-only viewer of the User Rights page is no PI.
     */
    private static boolean fullUserRights(JsonNode user) {
        JsonNode value = user.get("user_rights");
        if (value == null || value.isNull()) {
            return false;
        }
        return value.isNumber() ? value.isIntegralNumber() && value.intValue() == 1 : value.asText().trim().equals("1");
    }

    /** REDCap's rights are 0/1 (numbers or strings): any non-zero is true. */
    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.intValue() != 0;
        }
        String text = value.asText().trim();
        return !text.isEmpty() && !text.equals("0") && !text.equalsIgnoreCase("false");
    }

    /**
     * One API call, counted: waits for a permit, POSTs the form, maps the status, reads the body of a 200. A 200 whose
     * body {@code read} cannot use counts as a failure too: for whoever watches the counts, REDCap did not answer.
     */
    private <T> T call(RedcapEnvironment environment, long projectId, String content, Map<String, String> extraParameters,
            Function<String, T> read) {
        return counted(environment, content, () -> read.apply(exchange(environment, projectId, content, extraParameters,
                properties.server(environment).requestTimeout(), rateBudgets.of(environment)::acquire)));
    }

    private <T> T counted(RedcapEnvironment environment, String content, Supplier<T> call) {
        try {
            T result = call.get();
            calls.succeeded(environment, content);
            return result;
        } catch (RuntimeException e) {
            calls.failed(environment, content, e);
            throw e;
        }
    }

    /**
     * Takes a permit the caller's way (once it is clear the call can be made at all), POSTs the form, maps the status;
     * returns the body of a 200.
     */
    private String exchange(RedcapEnvironment environment, long projectId, String content,
            Map<String, String> extraParameters, Duration timeout, Runnable takePermit) {
        RedcapProperties.Server server = properties.server(environment);
        String stewardToken = server.stewardTokens().get(projectId);
        if (stewardToken == null || stewardToken.isBlank()) {
            throw new RedcapException("Project " + projectId + " on " + environment
                    + " is not enrolled: no steward token configured for project " + projectId + " on " + environment
                    + " (tokengov.redcap.environments." + environment.name().toLowerCase() + ".steward-tokens)");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", stewardToken);
        form.put("content", content);
        form.put("format", "json");
        form.put("returnFormat", "json");
        form.putAll(extraParameters);

        takePermit.run();

        HttpRequest request = HttpRequest.newBuilder(server.apiUrl())
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form), StandardCharsets.UTF_8))
                .build();
        String where = where(environment, projectId, content);
        long started = System.nanoTime();
        HttpResponse<String> response = send(clients.get(environment), request, server.connectTimeout(), timeout, where);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int status = response.statusCode();
        log.debug("{} answered HTTP {} in {} ms", where, status, millis);

        String body = response.body() == null ? "" : response.body();
        if (status == 200) {
            return body;
        }
        // Scrub before cutting an excerpt, so no part of the token can survive either.
        String message = errorMessage(TokenValuesInText.scrub(scrub(body, stewardToken)).text());
        if (status == 403) {
            throw new RedcapAccessDeniedException(where + " refused access (HTTP 403): " + message);
        }
        if (status >= 400 && status < 500) {
            String rejected = where + " rejected the request (HTTP " + status + "): " + message;
            throw message.contains(RedcapRoleMemberException.REDCAP_TEXT) ? new RedcapRoleMemberException(rejected)
                    : new RedcapRequestRejectedException(rejected);
        }
        if (status >= 500) {
            throw new RedcapUnavailableException(where + " failed (HTTP " + status + "): " + message);
        }
        throw new RedcapException(where + " answered an unexpected HTTP " + status + " (is api-url "
                + server.apiUrl() + " REDCap's API endpoint?): " + message);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, Duration connectTimeout,
            Duration timeout, String where) {
        // The request time-out only bounds the wait for the response headers; the future bounds the whole exchange.
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RedcapUnavailableException(where + " did not answer within " + timeout.toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RedcapUnavailableException(where + ": interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new RedcapUnavailableException(where + ": no connection within "
                        + connectTimeout.toMillis() + " ms", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new RedcapUnavailableException(where + " did not answer within "
                        + timeout.toMillis() + " ms", cause);
            }
            if (cause instanceof IOException) {
                throw new RedcapUnavailableException(where + " could not be reached: " + cause, cause);
            }
            throw new RedcapException(where + " failed: " + cause, cause);
        }
    }

    private JsonNode parseJson(String body, RedcapEnvironment environment, long projectId, String content) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(environment, projectId, content, "not valid JSON", body);
        }
    }

    /**
     * A 200 whose body is not what REDCap sends (an HTML maintenance page, a cut-off answer, a proxy's page) is
     * treated as REDCap not being available right now: the job retries, then becomes a visible incident.
     */
    private RedcapUnavailableException malformed(RedcapEnvironment environment, long projectId, String content,
            String problem, String body) {
        return new RedcapUnavailableException(where(environment, projectId, content)
                + " answered HTTP 200 with a body that is not what REDCap sends (" + problem + "): "
                + quote(body, environment, projectId));
    }

    /** REDCap's {@code {"error":"…"}}, or a short, single-line excerpt of whatever else came back. */
    private String errorMessage(String body) {
        String trimmed = body.trim();
        if (trimmed.isEmpty()) {
            return "(empty body)";
        }
        if (trimmed.startsWith("{")) {
            try {
                JsonNode error = json.readTree(trimmed).get("error");
                if (error != null && !error.isNull()) {
                    return error.isTextual() ? error.asText() : error.toString();
                }
            } catch (JsonProcessingException e) {
                // Not JSON after all: quote it below.
            }
        }
        return "non-JSON body: " + excerpt(trimmed);
    }

    private String quote(String body, RedcapEnvironment environment, long projectId) {
        String token = properties.server(environment).stewardTokens().get(projectId);
        // A log export's body holds other people's token values (failed requests): blank every one, not only ours.
        return excerpt(TokenValuesInText.scrub(scrub(body, token)).text().trim());
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= MAX_QUOTED_BODY ? oneLine : oneLine.substring(0, MAX_QUOTED_BODY) + "…";
    }

    /** Removes the steward token (plain or form-encoded) from text that came from the other end. */
    static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***")
                .replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "***");
    }

    private static String where(RedcapEnvironment environment, long projectId, String content) {
        return "REDCap " + environment + " (project " + projectId + ", content=" + content + ")";
    }

    /** {@code application/x-www-form-urlencoded}, UTF-8. */
    static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return "RedcapApiClient" + clients.keySet();
    }
}
