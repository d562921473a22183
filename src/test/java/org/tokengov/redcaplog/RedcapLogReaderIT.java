package org.tokengov.redcaplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.audit.AuditAction;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.reconciliation.Reconciliation;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * The log reader in database mode, on the simulator's schema in MariaDB: what people do on REDCap's pages becomes token
 * events with the right user, actor, kind and instant (REDCap logs New York wall-clock time); nothing is read twice; a
 * live token's value in a failed request's log row is a leak its lifecycle hears of once; and no token value reaches
 * the app's database or its logs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RedcapLogReaderIT.OwnServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedcapLogReaderIT {

    /** Its own REDCap: the events it counts are its own. */
    static class OwnServers extends RealServers {
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RedcapLogReader reader;
    @Autowired RedcapTokenEvents tokenEvents;
    @Autowired TokenRegistry registry;
    @Autowired TokenLifecycles lifecycles;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired Reconciliation reconciliation;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    SimulatorHttp simulator;

    @BeforeEach
    void captureLogs() {
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    static void done(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }

    long newestEvent() {
        return tokenEvents.after(QA, 0).stream().mapToLong(TokenEventInRedcap::id).max().orElse(0);
    }

    @Test
    @Order(1)
    void whatPeopleDoOnRedcapsPagesBecomesTokenEventsReadOnce() {
        // The request button needs an API right: the PI gives bob export on User Rights.
        done(simulator.userRights("qa", "bob", 201, java.util.Map.of("api_export", "1")));
        reader.catchUp(QA);
        long before = newestEvent();
        if (simulator.tokenOf("qa", "bob", 201) != null) {
            done(simulator.controlCenterToken("qa", "delete", "bob", 201, "ada"));
            reader.catchUp(QA);
            before = newestEvent();
        }
        if (simulator.superTokenOf("qa", "rita") != null) {
            done(simulator.controlCenterSuperToken("qa", "delete", "rita"));
            reader.catchUp(QA);
            before = newestEvent();
        }
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        done(simulator.controlCenterToken("qa", "create", "bob", 201, "ada"));
        done(simulator.projectApiPage("qa", "regenerate", "bob", 201));
        done(simulator.controlCenterToken("qa", "regenerate", "bob", 201, "ada"));
        String lastValue = simulator.tokenOf("qa", "bob", 201);
        done(simulator.projectApiPage("qa", "delete", "bob", 201));
        done(simulator.projectApiPage("qa", "request", "bob", 201));
        done(simulator.controlCenterSuperToken("qa", "create", "rita"));
        Instant to = Instant.now();

        LogCatchUp first = reader.catchUp(QA);

        List<TokenEventInRedcap> events = tokenEvents.after(QA, before);
        assertThat(events).extracting(TokenEventInRedcap::projectId, TokenEventInRedcap::username,
                TokenEventInRedcap::actor, TokenEventInRedcap::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(201L, "bob", "ada", TokenEventKind.CREATED),
                org.assertj.core.groups.Tuple.tuple(201L, "bob", "bob", TokenEventKind.REGENERATED),
                org.assertj.core.groups.Tuple.tuple(201L, "bob", "ada", TokenEventKind.REGENERATED),
                org.assertj.core.groups.Tuple.tuple(201L, "bob", "bob", TokenEventKind.DELETED),
                org.assertj.core.groups.Tuple.tuple(201L, "bob", "bob", TokenEventKind.REQUESTED),
                org.assertj.core.groups.Tuple.tuple(0L, "rita", events.get(5).actor(), TokenEventKind.SUPER_CREATED));
        assertThat(events).allSatisfy(event -> assertThat(event.at())
                .as("REDCap's New York wall-clock time, converted: read as UTC it would be hours off")
                .isBetween(from, to));
        assertThat(first.tokenEvents()).isEqualTo(6);
        assertThat(first.leaks()).as("old values of REDCap's regenerate and delete rows are no leak").isZero();
        assertThat(tokenEvents.about(QA, 201, "BOB", before)).hasSize(5);

        LogCatchUp second = reader.catchUp(QA);
        assertThat(second.rowsRead()).as("nothing is read twice").isZero();
        assertThat(tokenEvents.after(QA, before)).hasSize(6);
        assertNoTokenValueAnywhere(lastValue);
    }

    @Test
    @Order(2)
    void aLiveTokensValueInAFailedRequestIsALeakItsLifecycleHearsOfOnce() {
        IssuedToken token = new IssuedTokens(context).issue("alice", QA, 201);
        String value = simulator.tokenOf("qa", "alice", 201);
        assertThat(TokenFingerprint.of(value).sha256Hex()).isEqualTo(token.fingerprint());
        reader.catchUp(QA);

        // An import without import rights: REDCap refuses it and logs the whole POST, token included, twice.
        assertThat(importRecords(value).statusCode()).isEqualTo(403);
        assertThat(importRecords(value).statusCode()).isEqualTo(403);
        LogCatchUp first = reader.catchUp(QA);

        assertThat(first.leaks()).isEqualTo(1);
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(token.id()).singleResult();
        assertThat(compromiseCases(lifecycle)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ? and token_id = ?", Long.class,
                AuditAction.TOKEN_VALUE_IN_REDCAP_LOG.name(), token.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select details from audit_event where action = ? and token_id = ?", String.class,
                AuditAction.TOKEN_VALUE_IN_REDCAP_LOG.name(), token.id())).contains("redcap_log_event")
                .contains("Failed API request (user rights invalid)").doesNotContainIgnoringCase(value);

        assertThat(importRecords(value).statusCode()).as("the script keeps failing").isEqualTo(403);
        assertThat(reader.catchUp(QA).leaks()).as("a second sighting is no new leak").isZero();
        assertThat(compromiseCases(lifecycle)).as("and opens no second case").isEqualTo(1);

        Jobs.runDue(management);
        IssuedToken replaced = registry.find(token.id()).orElseThrow();
        assertThat(replaced.fingerprint()).as("the lifecycle gave the token a new value").isNotEqualTo(token.fingerprint());
        assertThat(simulator.versionStatus("qa", value)).as("the leaked value no longer works").isEqualTo(403);
        assertThat(importRecords(value).statusCode()).isEqualTo(403);
        assertThat(reader.catchUp(QA).leaks()).as("a dead value in the log is no leak").isZero();
        assertThat(compromiseCases(lifecycle)).isEqualTo(1);
        assertNoTokenValueAnywhere(value);
    }

    @Test
    @Order(3)
    void aLeakOfATokenAlreadyReportedCompromisedOpensNoSecondCase() {
        IssuedToken token = new IssuedTokens(context).issue("rita", QA, 201);
        String value = simulator.tokenOf("qa", "rita", 201);
        lifecycles.reportCompromised(token.id(), "rita");
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(token.id()).singleResult();
        assertThat(compromiseCases(lifecycle)).isEqualTo(1);

        assertThat(importRecords(value).statusCode()).isEqualTo(403);
        assertThat(reader.catchUp(QA).leaks()).isEqualTo(1);

        assertThat(compromiseCases(lifecycle)).isEqualTo(1);
        assertNoTokenValueAnywhere(value);
    }

    @Test
    @Order(4)
    void twoCatchUpsAtOnceKeepEachRowOnce() throws Exception {
        reader.catchUp(QA);
        long before = newestEvent();
        for (int round = 0; round < 5; round++) {
            done(simulator.controlCenterToken("qa", simulator.tokenOf("qa", "pat", 201) == null ? "create" : "delete",
                    "pat", 201, "ada"));
        }

        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<LogCatchUp> catchUp = () -> {
                start.await();
                return reader.catchUp(QA);
            };
            java.util.concurrent.Future<LogCatchUp> one = replicas.submit(catchUp);
            java.util.concurrent.Future<LogCatchUp> other = replicas.submit(catchUp);
            start.countDown();
            assertThat(one.get().tokenEvents() + other.get().tokenEvents()).isEqualTo(5);
        } finally {
            replicas.shutdownNow();
        }
        assertThat(tokenEvents.after(QA, before)).hasSize(5);
    }

    @Test
    @Order(5)
    void aHeldTokensValueIsNoLeakOnceTheHoldDeletedIt() {
        IssuedToken token = new IssuedTokens(context).issue("bob", QA, 201);
        String value = simulator.tokenOf("qa", "bob", 201);
        lifecycles.suspend(token.id(), "performance impact", "ada");
        Jobs.runDue(management);
        assertThat(simulator.tokenOf("qa", "bob", 201)).as("the hold deleted the value").isNull();
        reader.catchUp(QA);

        assertThat(simulator.versionStatus("qa", value)).as("REDCap logs the refused value").isEqualTo(403);
        assertThat(reader.catchUp(QA).leaks()).as("a value that no longer works is no leak, held token or not").isZero();
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(token.id()).singleResult();
        assertThat(compromiseCases(lifecycle)).isZero();
        assertNoTokenValueAnywhere(value);
    }

    @Test
    @Order(6)
    void aReconciliationFirstCatchesUpWithTheLog() {
        reader.catchUp(QA);
        long before = newestEvent();
        if (simulator.tokenOf("qa", "pat", 201) != null) {
            done(simulator.controlCenterToken("qa", "delete", "pat", 201, "ada"));
        }
        done(simulator.controlCenterToken("qa", "create", "pat", 201, "ada"));

        reconciliation.run(Reconciliation.Scope.EVERYTHING, "ada");

        assertThat(tokenEvents.after(QA, before)).extracting(TokenEventInRedcap::username, TokenEventInRedcap::kind)
                .endsWith(org.assertj.core.groups.Tuple.tuple("pat", TokenEventKind.CREATED));
    }

    @Test
    @Order(7)
    void theInactivitySweepsJobCatchesUpAndALeakItFindsReachesTheLifecycle() {
        IssuedToken token = new IssuedTokens(context).issue("erin", QA, 201);
        String value = simulator.tokenOf("qa", "erin", 201);
        reader.catchUp(QA);
        assertThat(importRecords(value).statusCode()).isEqualTo(403);

        org.camunda.bpm.engine.runtime.Job start = management.createJobQuery()
                .processDefinitionKey(org.tokengov.inactivity.InactivitySweepVariables.PROCESS).timers().singleResult();
        management.executeJob(start.getId());
        ProcessInstance sweep = runtime.createProcessInstanceQuery()
                .processDefinitionKey(org.tokengov.inactivity.InactivitySweepVariables.PROCESS).singleResult();
        management.createJobQuery().processInstanceId(sweep.getId()).list()
                .forEach(job -> management.executeJob(job.getId()));

        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(token.id()).singleResult();
        assertThat(compromiseCases(lifecycle)).as("reported from inside the sweep's job").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ? and token_id = ?", Long.class,
                AuditAction.TOKEN_VALUE_IN_REDCAP_LOG.name(), token.id())).isEqualTo(1);
        assertNoTokenValueAnywhere(value);
    }

    private HttpResponse<String> importRecords(String value) {
        return simulator.page("qa", "api/", java.util.Map.of("token", value, "content", "record", "action", "import",
                "format", "json", "data", "[{\"record_id\":\"1\"}]"));
    }

    private long compromiseCases(ProcessInstance lifecycle) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(lifecycle.getId())
                .activityId("StartEvent_TokenCompromised").count();
    }

    /** Every table of the app's database (text of each row, and Camunda's byte arrays), and every log line. */
    private void assertNoTokenValueAnywhere(String value) {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("redcap_token_event", "audit_event", "act_hi_varinst", "redcap_log_leak");
        for (String table : tables) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " t where t::text ilike ?", Long.class,
                    "%" + value + "%")).as("rows of " + table + " holding the token value").isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from act_ge_bytearray where position(convert_to(?, 'UTF8') in bytes_) > 0"
                + " or position(convert_to(lower(?), 'UTF8') in bytes_) > 0", Long.class, value, value)).isZero();
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .doesNotContainIgnoringCase(value));
    }
}
