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

/** What a token holder and a test do with the REDCap simulator: read a token, call the API, simulate outages. */
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

    public JsonNode exportUsers(String environment, String token) throws IOException {
        HttpResponse<String> response = post(environment, "token=" + encode(token) + "&content=user&format=json");
        return new ObjectMapper().readTree(response.body());
    }

    /** {@code content=user} import, as a REDCap user with User Rights does it; returns REDCap's answer. */
    public HttpResponse<String> importUsers(String environment, String token, String usersJson) {
        return post(environment, "token=" + encode(token) + "&content=user&format=json&data=" + encode(usersJson));
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
