package org.tokengov.fairuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;
import org.tokengov.usage.Certainty;
import org.tokengov.usage.FairUseFindings;
import org.tokengov.usage.FairUseRule;
import org.tokengov.usage.Finding;
import org.tokengov.usage.TokenUsage;
import org.tokengov.usage.UsageKey;
import org.tokengov.usage.UsageSummary;

/**
 * Usage collection and the monitor on the real parts: API calls made with a real token through the simulator become
 * rows of REDCap's log (MariaDB) that the one log reader counts once; a polling pattern in REDCap's log table is a
 * confirmed finding that opens a misuse case, and so is one of calls seen only in REDCap's request log
 * ({@code redcap_log_view}); findings are shown to whom they concern.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = FairUseMonitorIT.OwnServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FairUseMonitorIT {

    /** Its own REDCap and database: the calls and findings it counts are its own. */
    static class OwnServers extends RealServers {
    }

    static final DateTimeFormatter LOG_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Autowired ConfigurableApplicationContext context;
    @Autowired RedcapLogReader reader;
    @Autowired TokenUsage usage;
    @Autowired FairUseMonitor monitor;
    @Autowired FairUseFindings findings;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TokenRegistry registry;

    SimulatorHttp simulator;
    EngineRest rest;
    static IssuedToken token;

    @BeforeEach
    void clients() {
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        rest = new EngineRest(RealServers.baseUrl(context));
        if (token == null) {
            token = new IssuedTokens(context).issue("alice", RedcapEnvironment.PROD, 101);
        }
    }

    @Test
    @Order(1)
    void callsWithARealTokenAreCountedOnce() {
        reader.catchUp(RedcapEnvironment.PROD);
        Instant from = Instant.now().minus(Duration.ofHours(1));
        String value = simulator.tokenOf("prod", "alice", 101);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> export = simulator.exportRecords("prod", value);
            assertThat(export.statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(simulator.versionStatus("prod", value)).as("logged in the log_event table").isEqualTo(200);
            assertThat(simulator.call("prod", value, "arm").statusCode())
                    .as("not simulated, refused; REDCap's request log has it, its log_event tables do not").isEqualTo(400);
        }

        reader.catchUp(RedcapEnvironment.PROD);
        UsageSummary first = usage.summary(token, from, Instant.now().plusSeconds(60));
        reader.catchUp(RedcapEnvironment.PROD);
        UsageSummary second = usage.summary(token, from, Instant.now().plusSeconds(60));

        assertThat(first.counts().calls()).as("each call once: from log_event, or from redcap_log_view if not there")
                .isEqualTo(7);
        assertThat(first.counts().recordExports()).as("an export's request row is not counted again").isEqualTo(3);
        assertThat(first.counts().otherExports()).as("the version calls").isEqualTo(2);
        assertThat(first.busiestMinuteCalls()).isBetween(1L, 7L);
        assertThat(first.describe()).contains("7 API calls", "3 record exports", "2 other export", "2 other.");
        assertThat(second.counts()).as("nothing is read twice").isEqualTo(first.counts());
        assertThat(jdbc.queryForObject("select count(*) from api_usage_minute where username = 'alice'", Long.class))
                .isPositive();
    }

    @Test
    @Order(2)
    void pollingInRedcapsLogIsAConfirmedFindingThatOpensOneCase() {
        ZoneId redcapZone = usage.zone(RedcapEnvironment.PROD);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));
        writePollingRows(end.minus(Duration.ofMinutes(45)), 45 * 12, redcapZone);

        monitor.collect();
        FairUseMonitor.Evaluation first = monitor.evaluate(Instant.now());
        FairUseMonitor.Evaluation second = monitor.evaluate(Instant.now());

        assertThat(first.newFindings()).filteredOn(f -> f.tokenId().equals(token.id())).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo(FairUseRule.POLLING);
                    assertThat(finding.certainty()).isEqualTo(Certainty.CONFIRMED);
                    assertThat(finding.observed()).contains("540 calls in 45 consecutive minutes", "one call every 5.0 s");
                });
        assertThat(second.newFindings()).as("the same day's polling is the same finding").isEmpty();
        Finding recorded = findings.ofToken(token.id(), Instant.now().minus(Duration.ofDays(1))).get(0);
        assertThat(recorded.caseId()).as("the finding opened a case").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from fair_use_case where token_id = ? and rule = 'POLLING'"
                + " and open_key is not null", Long.class, token.id())).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("FairUseCaseProcess")
                .processInstanceBusinessKey(recorded.caseId()).count()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void findingsAreShownToWhomTheyConcern() {
        Instant now = Instant.now();
        findings.record(new FairUseFindings.NewFinding(FairUseRule.REPEATED_FULL_EXPORT, Certainty.SUSPECTED, false,
                token.id(), "alice", RedcapEnvironment.PROD, 101, now.minus(Duration.ofDays(2)), now,
                "Record exports in peak hours on 3 of the last 7 days."), now);

        String asAlice = rest.getApp("/api/fair-use/findings", "alice", "demo").body();
        String asBob = rest.getApp("/api/fair-use/findings", "bob", "demo").body();
        String asAda = rest.getApp("/api/fair-use/findings", "ada", "demo").body();

        assertThat(asAlice).contains("\"rule\":\"POLLING\"", "policySentence", "polling every few seconds")
                .doesNotContain("REPEATED_FULL_EXPORT");
        assertThat(asBob).isEqualTo("[]");
        assertThat(asAda).contains("POLLING", "REPEATED_FULL_EXPORT", "\"holder\":\"alice\"");
        assertThat(rest.getApp("/api/fair-use/findings?rule=POLLING", "ada", "demo").body())
                .doesNotContain("REPEATED_FULL_EXPORT");
    }

    @Test
    @Order(4)
    void badQuestionsAreRefusedPlainly() {
        HttpResponse<String> badRule = rest.getApp("/api/fair-use/findings?rule=SPEEDING", "ada", "demo");
        HttpResponse<String> badDays = rest.getApp("/api/fair-use/findings?days=0", "ada", "demo");
        HttpResponse<String> anonymous = rest.getApp("/api/fair-use/findings", null, null);

        assertThat(badRule.statusCode()).isEqualTo(400);
        assertThat(badRule.body()).contains("rule must be one of", "POLLING");
        assertThat(badDays.statusCode()).isEqualTo(400);
        assertThat(badDays.body()).contains("days must be a whole number from 1 to 366");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void pollingSeenOnlyInRedcapsRequestLogIsAConfirmedFinding() {
        IssuedToken bobs = new IssuedTokens(context).issue("bob", RedcapEnvironment.PROD, 101);
        ZoneId redcapZone = usage.zone(RedcapEnvironment.PROD);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));
        Instant lastCall = writeSilentPollingRows("bob", end.minus(Duration.ofMinutes(45)), 45 * 12, redcapZone);

        monitor.collect();
        FairUseMonitor.Evaluation evaluation = monitor.evaluate(Instant.now());

        assertThat(evaluation.newFindings()).filteredOn(f -> f.tokenId().equals(bobs.id())).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo(FairUseRule.POLLING);
                    assertThat(finding.certainty()).isEqualTo(Certainty.CONFIRMED);
                    assertThat(finding.observed()).contains("540 calls in 45 consecutive minutes", "one call every 5.0 s");
                });
        assertThat(registry.find(bobs.id()).orElseThrow().lastUsedAt()).as("a silent call is a use").isEqualTo(lastCall);
        monitor.collect();
        // By user and project, not from the token's issue: the calls came before it.
        assertThat(usage.summary(UsageKey.of(bobs), end.minus(Duration.ofHours(2)), Instant.now()).counts().calls())
                .as("read again, counted once").isEqualTo(540);
    }

    /**
     * Request-log rows of API calls that write no log_event row ({@code content=arm}), one every 5 s, in REDCap's
     * local time; returns the last one's instant.
     */
    private Instant writeSilentPollingRows(String user, Instant from, int count, ZoneId zone) {
        JdbcTemplate redcap = new IssuedTokens(context).redcap(RedcapEnvironment.PROD);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {LocalDateTime.ofInstant(from.plusSeconds(5L * i), zone), user});
        }
        redcap.batchUpdate("insert into redcap_log_view (ts, user, event, ip, page, project_id, miscellaneous)"
                + " values (?, ?, 'PAGE_VIEW', '10.0.0.8', 'api/index.php', 101,"
                + " '// API Request: content = ''arm''; format = ''json''; token = ''<redacted>''')", rows);
        return from.plusSeconds(5L * (count - 1));
    }

    /** Rows as REDCap writes them for API calls that export users, one every 5 s, in REDCap's local time. */
    private void writePollingRows(Instant from, int count, ZoneId zone) {
        JdbcTemplate redcap = new IssuedTokens(context).redcap(RedcapEnvironment.PROD);
        String table = redcap.queryForObject("select log_event_table from redcap_projects where project_id = 101",
                String.class);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime local = LocalDateTime.ofInstant(from.plusSeconds(5L * i), zone);
            rows.add(new Object[] {Long.parseLong(LOG_TS.format(local))});
        }
        redcap.batchUpdate("insert into " + table + " (project_id, ts, user, ip, page, event, object_type, pk,"
                + " data_values, description) values (101, ?, 'alice', '10.0.0.7', 'api/index.php', 'MANAGE',"
                + " 'redcap_user_rights', '101', 'project_id = 101', 'Export users (API)')", rows);
    }
}
