package org.tokengov.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a token holder, an administrator and a test do with the REDCap simulator: read a token, call the API, act on
 * REDCap's pages (Control Center, a project's API page, User Rights), simulate outages. Page actions answer REDCap's
 * refusals with 4xx and {@code {"error": …}}; the answers never hold a token.
 */
public class SimulatorHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public SimulatorHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The token REDCap's API page would show the user, or null if they have none there. */
    public String tokenOf(String environment, String username, long projectId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/redcap-sim/" + environment
                + "/token?username=" + username + "&projectId=" + projectId)).GET().build());
        if (response.statusCode() == 404) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(response.body()).get("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** The HTTP status REDCap answers to {@code content=version} with this token. */
    public int versionStatus(String environment, String token) {
        return post(environment, "token=" + encode(token) + "&content=version&format=json").statusCode();
    }

    /** A call of {@code content} with nothing else but the format, as a script asks what a project holds. */
    public HttpResponse<String> call(String environment, String token, String content) {
        return post(environment, "token=" + encode(token) + "&content=" + encode(content) + "&format=json");
    }

    public JsonNode exportUsers(String environment, String token) throws IOException {
        HttpResponse<String> response = post(environment, "token=" + encode(token) + "&content=user&format=json");
        return new ObjectMapper().readTree(response.body());
    }

    /** {@code content=record} export of the whole project, as a script does it; returns REDCap's answer. */
    public HttpResponse<String> exportRecords(String environment, String token) {
        return post(environment, "token=" + encode(token) + "&content=record&format=json&type=flat");
    }

    /** {@code content=user} import, as a REDCap user with User Rights does it; returns REDCap's answer. */
    public HttpResponse<String> importUsers(String environment, String token, String usersJson) {
        return post(environment, "token=" + encode(token) + "&content=user&format=json&data=" + encode(usersJson));
    }

    /** The super token REDCap's profile page would show the user, or null if they have none. */
    public String superTokenOf(String environment, String username) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/redcap-sim/" + environment
                + "/super-token?username=" + encode(username))).GET().build());
        if (response.statusCode() == 404) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(response.body()).get("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** An administrator in the Control Center: {@code action} create, regenerate or delete; {@code by} may be null. */
    public HttpResponse<String> controlCenterToken(String environment, String action, String username, long projectId,
            String by) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("action", action, "username", username,
                "projectId", Long.toString(projectId)));
        if (by != null) {
            form.put("by", by);
        }
        return page(environment, "control-center/tokens", form);
    }

    /** An administrator's super-token action: {@code action} create or delete. */
    public HttpResponse<String> controlCenterSuperToken(String environment, String action, String username) {
        return page(environment, "control-center/super-tokens", Map.of("action", action, "username", username));
    }

    /**
     * The user on the project's API page: {@code action} request, regenerate or delete. A request answers
     * {@code outcome} {@code created} or {@code requested} (then with the to-do's {@code requestId}).
     */
    public HttpResponse<String> projectApiPage(String environment, String action, String username, long projectId) {
        return page(environment, "project-api", Map.of("action", action, "username", username,
                "projectId", Long.toString(projectId)));
    }

    /**
     * A PI on the User Rights page: {@code rights} by their column names ({@code api_export}, {@code api_import},
     * {@code mobile_app}, {@code user_rights}, {@code data_logging}, {@code expiration}, …), plus {@code roleName} and
     * {@code by} if wanted. Rights not given stay as they are.
     */
    public HttpResponse<String> userRights(String environment, String username, long projectId, Map<String, String> rights) {
        Map<String, String> form = new LinkedHashMap<>(rights);
        form.put("username", username);
        form.put("projectId", Long.toString(projectId));
        return page(environment, "user-rights", form);
    }

    /** A form post to one of the simulated REDCap pages, {@code /redcap-sim/{environment}/{path}}. */
    public HttpResponse<String> page(String environment, String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/redcap-sim/" + environment + "/" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public void outage(String environment, String mode) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/redcap-sim/" + environment + "/outage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("mode=" + mode)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Could not set outage " + mode + ": " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> post(String environment, String form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/redcap-sim/" + environment + "/api/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
