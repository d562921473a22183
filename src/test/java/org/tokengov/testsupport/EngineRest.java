package org.tokengov.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Camunda's REST API as Tasklist or a script uses it: JSON over HTTP, with or without Basic auth. */
public class EngineRest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String appBaseUrl;
    private final String engineRest;

    public EngineRest(String appBaseUrl) {
        this.appBaseUrl = appBaseUrl;
        this.engineRest = appBaseUrl + "/engine-rest";
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return send(request(path, user, password).GET());
    }

    /** A GET of the app's own API ({@code /api/...}), with the same Basic authentication as the engine's. */
    public HttpResponse<String> getApp(String path, String user, String password) {
        return send(requestTo(appBaseUrl + path, user, password).GET());
    }

    public HttpResponse<String> post(String path, String user, String password, String json) {
        return send(request(path, user, password)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, with a JSON body or none: for the calls that write variables, assign, delegate and the like. */
    public HttpResponse<String> call(String method, String path, String user, String password, String json) {
        return send(request(path, user, password).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** A {@code variables} body of string-valued variables: name, type, value, name, type, value, … */
    public static String variables(String... nameTypeValueTriples) {
        StringBuilder json = new StringBuilder("{\"variables\": {");
        for (int i = 0; i < nameTypeValueTriples.length; i += 3) {
            json.append(i == 0 ? "" : ",").append('"').append(nameTypeValueTriples[i]).append("\": {\"type\": \"")
                    .append(nameTypeValueTriples[i + 1]).append("\", \"value\": \"").append(nameTypeValueTriples[i + 2])
                    .append("\"}");
        }
        return json.append("}}").toString();
    }

    /** The survey of a token request for QA project 201, as Tasklist submits it. */
    public static String startFormBody(long productionProjectId, String usageDescription) {
        return """
                {"variables": {
                  "productionProjectId": {"value": %d, "type": "Long"},
                  "qaProjectId": {"value": 201, "type": "Long"},
                  "rightExport": {"value": true, "type": "Boolean"},
                  "rightImport": {"value": false, "type": "Boolean"},
                  "rightMobileApp": {"value": false, "type": "Boolean"},
                  "fairUseAccepted": {"value": true, "type": "Boolean"},
                  "intendedUse": {"value": "SCHEDULED_EXPORT", "type": "String"},
                  "usageDescription": {"value": "%s", "type": "String"},
                  "callSchedule": {"value": "Nightly at 02:00", "type": "String"},
                  "expectedCallsPerDay": {"value": 24, "type": "Long"}
                }}""".formatted(productionProjectId, usageDescription);
    }

    /** QA results as the requester submits them. */
    public static String qaResults() {
        return variables("codeRepositoryUrl", "String", "https://git.example.org/lab/sync", "codeCommit", "String", "9c1e2d7",
                "testSummary", "String", "Ran the export nightly in QA for a week with a date filter.");
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        return requestTo(engineRest + path, user, password);
    }

    private static HttpRequest.Builder requestTo(String url, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
