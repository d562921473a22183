package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.RealServers;

/**
 * The request filters on the paths the app serves besides its own API: Camunda's REST API ({@code /engine-rest}),
 * Camunda's webapps ({@code /camunda/api}) and the REDCap simulator. Bodies over 1 MB are refused with 413, declared
 * or chunked, before authentication; {@code /engine-rest} refuses foreign origins (403) and forms (415) and starts
 * nothing, while JSON and Camunda's multipart deployments from scripts and the app's own origin go on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
class RequestGuardsIT {

    static final int LIMIT = 1024 * 1024;
    static final String START = "/engine-rest/process-definition/key/TokenRequestProcess/start";

    @Autowired ConfigurableApplicationContext context;
    @Autowired HistoryService history;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
    }

    @Test
    void engineRestRefusesAForeignOriginWith403AndStartsNothing() throws Exception {
        long before = requests();

        HttpResponse<String> response = send(post(START, "alice", "application/json",
                EngineRest.startFormBody(101, "Nightly export")).header("Origin", "https://evil.example.org"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Cross-site request refused");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void engineRestRefusesFormsAndTextWith415AndStartsNothing() throws Exception {
        long before = requests();

        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/mixed; boundary=x"}) {
            assertThat(send(post(START, "alice", type, EngineRest.startFormBody(101, "Nightly export"))).statusCode())
                    .as(type).isEqualTo(415);
        }
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void engineRestTakesJsonFromScriptsAndFromTheOwnOrigin() throws Exception {
        assertThat(send(post("/engine-rest/process-instance/count", "alice", "application/json", "{}")).statusCode())
                .isEqualTo(200);
        assertThat(send(post("/engine-rest/process-instance/count", "alice", "application/json", "{}")
                .header("Origin", RealServers.baseUrl(context))).statusCode()).isEqualTo(200);
    }

    @Test
    void camundaMultipartDeploymentsStillWork() throws Exception {
        String boundary = "guards" + System.nanoTime();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://example.org/guards">
                  <process id="RequestGuardsProbe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="StartEvent_Probe"/>
                  </process>
                </definitions>
                """;
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nguards\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";

        HttpResponse<String> deployed = send(post("/engine-rest/deployment/create", "ada",
                "multipart/form-data; boundary=" + boundary, multipart));

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String id = EngineRest.json(deployed).get("id").asText();
        assertThat(send(request("/engine-rest/deployment/" + id, "ada").DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413BeforeAuthentication() throws Exception {
        long before = requests();
        String padded = "{\"pad\":\"" + "x".repeat(LIMIT) + "\"}";

        HttpResponse<String> anonymous = send(post(START, null, "application/json", padded));
        HttpResponse<String> webapp = send(post("/camunda/api/admin/auth/user/default/login/tasklist", null,
                "application/x-www-form-urlencoded", "username=alice&password=" + "x".repeat(LIMIT)));

        assertThat(anonymous.statusCode()).as("413, not 401: the body is not read").isEqualTo(413);
        assertThat(webapp.statusCode()).isEqualTo(413);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413OnEveryPath() throws Exception {
        long before = requests();
        String padded = "{\"pad\":\"" + "x".repeat(LIMIT) + "\"}";
        String form = "token=x&content=version&pad=" + "x".repeat(LIMIT);

        assertThat(send(chunked(START, "alice", "application/json", padded)).statusCode()).isEqualTo(413);
        assertThat(send(chunked("/camunda/api/engine/engine/default/process-instance/count", null, "application/json",
                padded)).statusCode()).isEqualTo(413);
        assertThat(send(chunked("/camunda/api/admin/auth/user/default/login/tasklist", null,
                "application/x-www-form-urlencoded", "username=alice&password=" + "x".repeat(LIMIT))).statusCode())
                .as("a form, which Tomcat parses itself").isEqualTo(413);
        assertThat(send(chunked("/redcap-sim/qa/api/", null, "application/x-www-form-urlencoded", form)).statusCode())
                .isEqualTo(413);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void chunkedBodiesWithinTheLimitArriveWhole() throws Exception {
        String form = "token=" + URLEncoder.encode(RealServers.QA_STEWARD_TOKEN, StandardCharsets.UTF_8)
                + "&content=version&format=json";

        HttpResponse<String> redcap = send(chunked("/redcap-sim/qa/api/", null, "application/x-www-form-urlencoded", form));
        // Camunda refuses a query sorted by a field it does not know; without the body it would answer 200.
        String query = "{\"sorting\":[{\"sortBy\":\"noSuchField\",\"sortOrder\":\"asc\"}]}";
        HttpResponse<String> engineChunked = send(chunked("/engine-rest/process-instance", "alice", "application/json", query));
        HttpResponse<String> engineDeclared = send(post("/engine-rest/process-instance", "alice", "application/json", query));

        assertThat(redcap.statusCode()).as(redcap.body()).isEqualTo(200);
        assertThat(redcap.body()).matches("\"?\\d+\\.\\d+\\.\\d+\"?");
        assertThat(engineChunked.statusCode()).as(engineChunked.body()).isEqualTo(400);
        assertThat(engineChunked.body()).isEqualTo(engineDeclared.body());
    }

    private long requests() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("TokenRequestProcess").count();
    }

    private HttpRequest.Builder post(String path, String user, String contentType, String body) {
        return request(path, user).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sent without Content-Length (Transfer-Encoding: chunked). */
    private HttpRequest.Builder chunked(String path, String user, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RealServers.baseUrl(context) + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
