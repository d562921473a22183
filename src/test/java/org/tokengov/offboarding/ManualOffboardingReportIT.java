package org.tokengov.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.PROD;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;

/** An administrator reports a departure through OffboardingProcess's start form, over Camunda's REST API as Tasklist does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = ManualOffboardingReportIT.OwnServers.class)
class ManualOffboardingReportIT {

    static class OwnServers extends RealServers {
    }

    static final String START = "/process-definition/key/OffboardingProcess/submit-form";

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired TokenRegistry registry;
    @Autowired JdbcTemplate jdbc;

    EngineRest rest;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        rest = new EngineRest(RealServers.baseUrl(context));
    }

    static String report(String username, String type, String projectId, String reason) {
        return """
                {"variables": {
                  "username": {"value": "%s", "type": "String"},
                  "offboardingEventType": {"value": "%s", "type": "String"},
                  %s
                  "offboardingReason": {"value": "%s", "type": "String"}
                }}""".formatted(username, type,
                projectId == null ? "" : "\"offboardingProjectId\": {\"value\": " + projectId + ", \"type\": \"Long\"},", reason);
    }

    @Test
    void anAdministratorsReportOffboardsThePersonAndIsKeyedByItsEvent() {
        IssuedToken token = new IssuedTokens(context).issue("bob", PROD, 101);

        HttpResponse<String> started = rest.post(START, "ada", "demo",
                report("bob", OffboardingEvent.TERMINATED, null, "Contract ended (HR ticket 4711)"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String eventId = EngineRest.json(started).get("businessKey").asText();
        Jobs.runDue(management);

        assertThat(registry.find(token.id()).orElseThrow().revocationReason()).isEqualTo("OFFBOARDING");
        assertThat(jdbc.queryForMap("select source, reason, outcome from offboarding_event where id = ?", eventId))
                .containsEntry("source", "MANUAL").containsEntry("outcome", "COMPLETED")
                .containsEntry("reason", "Contract ended (HR ticket 4711) (reported by ada)");
    }

    @Test
    void badReportsAreRefusedWithAMessageAndStoreNothing() {
        int before = jdbc.queryForObject("select count(*) from offboarding_event", Integer.class);

        HttpResponse<String> noProject = rest.post(START, "ada", "demo",
                report("bob", OffboardingEvent.LEFT_PROJECT, null, "Moved to another lab"));
        HttpResponse<String> noName = rest.post(START, "ada", "demo",
                report(" ", OffboardingEvent.TERMINATED, null, "Left"));
        HttpResponse<String> badProject = rest.post(START, "ada", "demo",
                report("bob", OffboardingEvent.LEFT_PROJECT, "-4", "Moved"));

        assertThat(noProject.statusCode()).isEqualTo(400);
        assertThat(noProject.body()).contains("Give the REDCap project the person left.");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("Username is required");
        assertThat(badProject.statusCode()).isEqualTo(400);
        assertThat(badProject.body()).contains("positive whole number");
        assertThat(jdbc.queryForObject("select count(*) from offboarding_event", Integer.class)).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsMayStartIt() {
        HttpResponse<String> byRequester = rest.post(START, "alice", "demo",
                report("rumoured-leaver", OffboardingEvent.TERMINATED, null, "I heard they left"));

        assertThat(byRequester.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from offboarding_event where username = 'rumoured-leaver'",
                Integer.class)).isZero();
    }
}
