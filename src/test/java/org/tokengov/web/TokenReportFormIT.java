package org.tokengov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * Tasklist's start form {@code token-report} (TokenReportProcess), submitted over Camunda's REST API as Tasklist
 * submits it: the holder's report is filed as theirs; someone else's token, a forged reporter, an action the form does
 * not offer or a missing reason are refused with the form's message, and leave no process instance and no change.
 * In the context of {@link TokenRegistryApiIT} (the same reports through the API).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TokenRegistryApiIT.OwnServers.class)
class TokenReportFormIT {

    static final String START = "/process-definition/key/TokenReportProcess/submit-form";

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired TokenRegistry registry;
    @Autowired JdbcTemplate jdbc;

    EngineRest rest;
    SimulatorHttp simulator;

    @BeforeEach
    void serveHttp() {
        RealServers.serveHttpFrom(context);
        rest = new EngineRest(RealServers.baseUrl(context));
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
    }

    static String report(String tokenId, String action, String reason) {
        return reason == null
                ? EngineRest.variables("reportedTokenId", "String", tokenId, "tokenReport", "String", action)
                : EngineRest.variables("reportedTokenId", "String", tokenId, "tokenReport", "String", action,
                        "tokenReportReason", "String", reason);
    }

    @Test
    void theHolderReportsACompromiseAsThemselves() {
        IssuedToken token = new IssuedTokens(context).issue("alice", RedcapEnvironment.QA, 7401);
        String before = simulator.tokenOf("qa", "alice", 7401);

        HttpResponse<String> started = rest.post(START, "alice", "demo", report(token.id(), "compromised", null));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(EngineRest.json(started).get("id").asText()).singleResult();
        assertThat(instance.getStartUserId()).isEqualTo("alice");
        assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("tokenReportOutcome").singleResult().getValue()).isEqualTo("COMPROMISE_REPORTED");
        Jobs.runDue(management);
        assertThat(simulator.versionStatus("qa", before)).isEqualTo(403);
    }

    @Test
    void someoneElsesTokenAForgedReporterOrABadReportIsRefusedAndLeavesNothing() {
        IssuedToken token = new IssuedTokens(context).issue("alice", RedcapEnvironment.QA, 7402);
        String before = simulator.tokenOf("qa", "alice", 7402);
        long instances = reportInstances();

        HttpResponse<String> othersToken = rest.post(START, "bob", "demo", report(token.id(), "compromised", null));
        HttpResponse<String> forgedReporter = rest.post(START, "bob", "demo", """
                {"variables": {"reportedTokenId": {"value": "%s", "type": "String"},
                  "tokenReport": {"value": "compromised", "type": "String"},
                  "reportedBy": {"value": "alice", "type": "String"}}}""".formatted(token.id()));
        HttpResponse<String> suspension = rest.post(START, "ada", "demo", report(token.id(), "suspension", "too many calls"));
        HttpResponse<String> nonsense = rest.post(START, "alice", "demo", report(token.id(), "delete-everything", null));
        HttpResponse<String> noReason = rest.post(START, "alice", "demo", report(token.id(), "code-change", null));
        HttpResponse<String> unknown = rest.post(START, "alice", "demo", report("no-such-token", "compromised", null));
        HttpResponse<String> notHolder = rest.post(START, "ada", "demo", report(token.id(), "code-change", "mine"));

        assertThat(othersToken.statusCode()).isEqualTo(400);
        assertThat(othersToken.body()).contains("Only the holder or a REDCap administrator may do this.");
        assertThat(forgedReporter.statusCode()).as(forgedReporter.body()).isIn(400, 403);
        assertThat(suspension.statusCode()).isEqualTo(400);
        assertThat(suspension.body()).contains("Choose what you report");
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Describe the change");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("No token no-such-token.");
        assertThat(notHolder.statusCode()).isEqualTo(400);
        assertThat(notHolder.body()).contains("Only the holder reports a change of their code.");

        assertThat(reportInstances()).as("no instance left behind").isEqualTo(instances);
        Jobs.runDue(management);
        assertThat(simulator.tokenOf("qa", "alice", 7402)).isEqualTo(before);
        assertThat(registry.find(token.id()).orElseThrow().state().isLive()).isTrue();
    }

    @Test
    void theProjectsPiReportsThatTheHolderLeft() {
        IssuedTokens issued = new IssuedTokens(context);
        IssuedToken token = issued.issue("bob", RedcapEnvironment.QA, 7403);
        issued.addProjectUser(RedcapEnvironment.QA, 7403, "pat");
        issued.redcap(RedcapEnvironment.QA).update(
                "UPDATE redcap_user_rights SET user_rights = 1 WHERE project_id = 7403 AND username = 'pat'");

        HttpResponse<String> byAlice = rest.post(START, "alice", "demo", report(token.id(), "left-project", null));
        assertThat(byAlice.statusCode()).isEqualTo(400);
        assertThat(byAlice.body()).contains("Only the project's PI");
        HttpResponse<String> byPat = rest.post(START, "pat", "demo", report(token.id(), "left-project", null));
        assertThat(byPat.statusCode()).as(byPat.body()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select count(*) from offboarding_event where username = 'bob' and source = "
                + "'PI_REPORT' and project_id = 7403 and reason = 'reported by pat'", Integer.class)).isEqualTo(1);
    }

    private long reportInstances() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("TokenReportProcess").count();
    }
}
