package org.tokengov.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls Camunda's REST API the way Tasklist or a script does: JSON over HTTP, with or without Basic auth. */
class EngineRestClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    EngineRestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> post(String path, String user, String password, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String variables(String... nameTypeValueTriples) {
        StringBuilder json = new StringBuilder("{\"variables\": {");
        for (int i = 0; i < nameTypeValueTriples.length; i += 3) {
            json.append(i == 0 ? "" : ",").append('"').append(nameTypeValueTriples[i]).append("\": {\"type\": \"")
                    .append(nameTypeValueTriples[i + 1]).append("\", \"value\": \"").append(nameTypeValueTriples[i + 2])
                    .append("\"}");
        }
        return json.append("}}").toString();
    }

    static String startFormBody(long productionProjectId, String usageDescription) {
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
}
