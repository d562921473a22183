package org.tokengov.redcapsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The simulator's transport and its own controls: the endpoint, QA and PROD kept apart, the token pages, simulated
 * outages. What REDCap does is tested fact by fact in the conformance tests.
 */
class RedcapSimulatorIT extends SimulatorOnMariaDb {

    @AfterEach
    void noOutage() {
        post("/redcap-sim/qa/outage", Map.of("mode", "none"));
        post("/redcap-sim/prod/outage", Map.of("mode", "none"));
    }

    @Test
    void theApiAnswersWithAndWithoutTheTrailingSlash() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/redcap-sim/qa/api"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", QA_STEWARD, "content", "version")))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("15.7.6");
    }

    @Test
    void anUnknownServerIs404() {
        assertThat(api("staging", QA_STEWARD, "content", "version").statusCode()).isEqualTo(404);
    }

    @Test
    void aQaTokenIsNoTokenInProdAndViceVersa() {
        assertError(api("prod", QA_STEWARD, "content", "version", "format", "json"), 403, NO_PERMISSION);
        assertError(api("qa", PROD_STEWARD, "content", "version", "format", "json"), 403, NO_PERMISSION);
    }

    @Test
    void aTokenWrittenStraightIntoRedcapsTableWorksUntilItIsDeleted() {
        String user = newProjectUser(prod(), 101, "direct", Map.of("api_export", 1));
        String token = randomToken();
        prod().update("UPDATE redcap_user_rights SET api_token = ? WHERE project_id = 101 AND username = ?", token, user);

        assertThat(api("prod", token, "content", "project", "format", "json").statusCode()).isEqualTo(200);

        prod().update("UPDATE redcap_user_rights SET api_token = NULL WHERE project_id = 101 AND username = ?", user);

        assertError(api("prod", token, "content", "project", "format", "json"), 403, NO_PERMISSION);
    }

    @Test
    void describesTheTokensProject() {
        JsonNode project = json(api("prod", PROD_STEWARD, "content", "project", "format", "json"), 200);

        assertThat(project.get("project_id").asInt()).isEqualTo(101);
        assertThat(project.get("project_title").asText()).isEqualTo("Demo Study (production)");
        assertThat(project.get("in_production").asInt()).isEqualTo(1);
        assertThat(project.get("creation_time").asText()).isEqualTo("2019-06-03 09:00:00");
        assertThat(project.get("project_pi_lastname").asText()).isEqualTo("Patel");
        assertThat(json(api("qa", QA_STEWARD, "content", "project", "format", "json"), 200).get("in_production").asInt())
                .isZero();
    }

    // --- the simulator's token pages: where a holder reads a token

    @Test
    void theTokenPageShowsAUsersOwnToken() {
        JsonNode page = json(get("/redcap-sim/qa/token?username=tokengov_steward&projectId=201"), 200);

        assertThat(page.get("username").asText()).isEqualTo("tokengov_steward");
        assertThat(page.get("projectId").asInt()).isEqualTo(201);
        assertThat(page.get("token").asText()).isEqualTo(QA_STEWARD);
        assertThat(get("/redcap-sim/qa/token?username=carol&projectId=201").statusCode()).isEqualTo(404);
        assertThat(get("/redcap-sim/qa/token?username=tokengov_steward&projectId=101").statusCode()).isEqualTo(404);
        assertThat(get("/redcap-sim/qa/token?username=tokengov_steward").statusCode()).isEqualTo(400);
        assertThat(get("/redcap-sim/qa/token?username=tokengov_steward&projectId=abc").statusCode()).isEqualTo(400);
        assertThat(get("/redcap-sim/qa/token?projectId=201").statusCode()).isEqualTo(400);
        assertThat(get("/redcap-sim/staging/token?username=alice&projectId=201").statusCode()).isEqualTo(404);
    }

    @Test
    void theSuperTokenPageShowsAUsersSuperToken() {
        String user = newProjectUser(qa(), 201, "holder", Map.of());
        String token = randomToken() + randomToken();
        qa().update("UPDATE redcap_user_information SET api_token = ? WHERE username = ?", token, user);

        assertThat(json(get("/redcap-sim/qa/super-token?username=" + user), 200).get("token").asText()).isEqualTo(token);
        assertThat(get("/redcap-sim/qa/super-token?username=carol").statusCode()).isEqualTo(404);
        assertThat(get("/redcap-sim/qa/super-token").statusCode()).isEqualTo(400);
    }

    @Test
    void theTestSupportClientDrivesREDCapsPagesAsOtherTestsWill() throws Exception {
        SimulatorHttp simulator = new SimulatorHttp("http://127.0.0.1:" + port);
        String user = newProjectUser(qa(), 201, "helper", Map.of());

        assertThat(simulator.userRights("qa", user, 201, Map.of("api_export", "1", "by", "pat")).statusCode()).isEqualTo(200);
        assertThat(json.readTree(simulator.projectApiPage("qa", "request", user, 201).body()).get("outcome").asText())
                .isEqualTo("requested");
        assertThat(simulator.controlCenterToken("qa", "create", user, 201, "ada").statusCode()).isEqualTo(200);
        String token = simulator.tokenOf("qa", user, 201);
        assertThat(simulator.versionStatus("qa", token)).isEqualTo(200);
        assertThat(simulator.projectApiPage("qa", "regenerate", user, 201).statusCode()).isEqualTo(200);
        assertThat(simulator.versionStatus("qa", token)).isEqualTo(403);
        assertThat(simulator.controlCenterToken("qa", "delete", user, 201, null).statusCode()).isEqualTo(200);
        assertThat(simulator.tokenOf("qa", user, 201)).isNull();
        assertThat(simulator.controlCenterSuperToken("qa", "create", user).statusCode()).isEqualTo(200);
        assertThat(simulator.superTokenOf("qa", user)).hasSize(64);
        assertThat(simulator.controlCenterSuperToken("qa", "delete", user).statusCode()).isEqualTo(200);
        assertThat(simulator.superTokenOf("qa", user)).isNull();
    }

    // --- simulated outages

    @Test
    void anOutageFailsEveryApiCallUntilItEnds() {
        assertThat(json(post("/redcap-sim/qa/outage", Map.of("mode", "error")), 200).get("mode").asText()).isEqualTo("error");

        HttpResponse<String> failed = api("qa", QA_STEWARD, "content", "version");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"error\":\"Service unavailable (simulated outage)\"}");
        assertThat(api("prod", PROD_STEWARD, "content", "version").statusCode()).isEqualTo(200);
        assertThat(json(get("/redcap-sim/qa/outage"), 200).get("mode").asText()).isEqualTo("error");

        post("/redcap-sim/qa/outage", Map.of("mode", "none"));

        assertThat(api("qa", QA_STEWARD, "content", "version").statusCode()).isEqualTo(200);
    }

    @Test
    void aHangHoldsCallsUntilTheModeIsSetBack() throws Exception {
        post("/redcap-sim/prod/outage", Map.of("mode", "hang"));

        assertThatThrownBy(() -> http.send(apiRequest("prod", Duration.ofMillis(500)), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(apiRequest("prod", Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(held).isNotDone();

        post("/redcap-sim/prod/outage", Map.of("mode", "none"));

        assertThat(held.get(1, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aHangLastsAtMostTheHangDuration() throws Exception {
        post("/redcap-sim/qa/outage", Map.of("mode", "hang"));
        long start = System.nanoTime();

        HttpResponse<String> response = http.send(apiRequest("qa", Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(8));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownOutageMode() {
        assertThat(post("/redcap-sim/qa/outage", Map.of("mode", "flaky")).statusCode()).isEqualTo(400);
        assertThat(post("/redcap-sim/staging/outage", Map.of("mode", "none")).statusCode()).isEqualTo(404);
        assertThat(json(get("/redcap-sim/qa/outage"), 200).get("mode").asText()).isEqualTo("none");
    }

    private HttpRequest apiRequest(String server, Duration timeout) {
        String token = server.equals("qa") ? QA_STEWARD : PROD_STEWARD;
        return HttpRequest.newBuilder(uri("/redcap-sim/" + server + "/api/"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", token, "content", "version"))))
                .build();
    }
}
