package org.tokengov.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.lifecycle.RevocationReason;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.redcaplog.RedcapLogReader;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * Reconciliation of a manual-mode REDCap (QA here), which sees no token, only REDCap's log (through its API) and its
 * user export; each finding made the way people make it, on REDCap's own pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = ManualModeReconciliationIT.ManualQa.class)
@ActiveProfiles("embedded")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManualModeReconciliationIT {

    static class ManualQa extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.redcap.environments.qa.token-administration=manual").applyTo(context);
        }
    }

    static final Reconciliation.Scope QA_201 = new Reconciliation.Scope(QA, Set.of(201L));

    @Autowired ConfigurableApplicationContext context;
    @Autowired Reconciliation reconciliation;
    @Autowired TokenRegistry registry;
    @Autowired TokenLifecycles lifecycles;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired RedcapLogReader logReader;

    SimulatorHttp simulator() {
        return new SimulatorHttp(RealServers.baseUrl(context));
    }

    JdbcTemplate redcap() {
        return new IssuedTokens(context).redcap(QA);
    }

    ReconciliationReport reconcile() {
        ReconciliationReport report = reconciliation.run(QA_201, "ada");
        Jobs.runDue(management);
        return report;
    }

    static void done(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }

    /** A token registered yesterday: the API's log has minutes, and a change in the minute of its issue is its issue. */
    IssuedToken issuedYesterday(String holder) {
        IssuedToken token = new IssuedTokens(context).issueByHand(holder, QA, 201);
        jdbc.update("update api_token set issued_at = issued_at - interval '1' day where id = ?", token.id());
        return registry.find(token.id()).orElseThrow();
    }

    List<String> findings(ReconciliationReport report) {
        return report.items().stream().map(item -> item.finding() + ":" + item.holder()).toList();
    }

    @Test
    @Order(1)
    void theFirstRunTakesTheProjectInAndASecondFindsNothing() {
        reconcile();

        assertThat(reconcile().items()).isEmpty();
    }

    @Test
    @Order(2)
    void aTokenTheHolderMadeOnTheProjectsApiPageIsFoundWithoutItsValue() {
        redcap().update("UPDATE redcap_config SET value = 'auto_approve_all' WHERE field_name = 'api_token_request_type'");
        try {
            new IssuedTokens(context).addProjectUser(QA, 201, "bob");
            redcap().update("UPDATE redcap_user_rights SET api_export = 1 WHERE project_id = 201 AND username = 'bob'");
            done(simulator().projectApiPage("qa", "request", "bob", 201));

            ReconciliationReport report = reconcile();

            assertThat(findings(report)).containsExactly("UNKNOWN:bob");
            IssuedToken found = registry.ofUserOn(QA, 201, "bob").stream()
                    .filter(token -> token.state() == TokenState.FOUND).findFirst().orElseThrow();
            assertThat(found.fingerprint()).as("the API mode never reads a value").isNull();
            assertThat(found.rightExport()).isTrue();
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("FoundTokenProcess")
                    .processInstanceBusinessKey(found.id()).count()).isEqualTo(1);
            assertThat(reconcile().items()).as("found once").isEmpty();
        } finally {
            redcap().update("UPDATE redcap_config SET value = 'admin_approve' WHERE field_name = 'api_token_request_type'");
        }
    }

    @Test
    @Order(3)
    void aRegisteredTokenRegeneratedByItsHolderIsFlaggedAndOneDeletedIsRecordedAsDeleted() {
        IssuedToken alices = issuedYesterday("alice");
        IssuedToken ritas = issuedYesterday("rita");
        long toAliceBefore = mailsTo("alice");
        done(simulator().projectApiPage("qa", "regenerate", "alice", 201));
        done(simulator().projectApiPage("qa", "delete", "rita", 201));

        ReconciliationReport report = reconcile();

        assertThat(findings(report)).containsExactlyInAnyOrder("CHANGED:alice", "MISSING:rita");
        assertThat(registry.find(alices.id()).orElseThrow().state()).as("flagged, not guessed").isEqualTo(TokenState.QA_ACTIVE);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TOKEN_CHANGED_IN_REDCAP'"
                + " and token_id = ?", Long.class, alices.id())).isEqualTo(1);
        assertThat(mailsTo("alice")).as("the holder is told").isGreaterThan(toAliceBefore);
        IssuedToken deleted = registry.find(ritas.id()).orElseThrow();
        assertThat(deleted.state()).isEqualTo(TokenState.REVOKED);
        assertThat(deleted.revocationReason()).isEqualTo("DELETED_IN_REDCAP");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ritas.id())
                .processDefinitionKey("TokenLifecycleProcess").count()).isZero();
        assertThat(reconcile().items()).as("each event acted on once").isEmpty();
    }

    @Test
    @Order(4)
    void aHoldUndoneOnUserRightsIsPutBackAndAControlCenterTokenWithoutANameIsToldToAdministrators() {
        IssuedToken held = issuedYesterday("pat");
        lifecycles.suspend(held.id(), "misuse reported", "ada");
        Jobs.runDue(management);
        assertThat(registry.find(held.id()).orElseThrow().state()).isEqualTo(TokenState.SUSPENDED);
        assertThat(rightsOf("pat")).as("the hold switched the rights off").isEqualTo(0);
        done(simulator().userRights("qa", "pat", 201, Map.of("api_export", "1")));
        done(simulator().controlCenterToken("qa", "create", "rita", 201, "ada"));

        ReconciliationReport report = reconcile();

        assertThat(report.items()).extracting(ReconciliationReport.Item::finding)
                .containsExactlyInAnyOrder("HOLD_UNDONE", "UNATTRIBUTED");
        assertThat(rightsOf("pat")).as("switched off again").isEqualTo(0);
        assertThat(registry.find(held.id()).orElseThrow().state()).isEqualTo(TokenState.SUSPENDED);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TOKEN_EVENT_UNATTRIBUTED'",
                Long.class)).isEqualTo(1);
        assertThat(reconcile().items()).isEmpty();
    }

    @Test
    @Order(5)
    void aDryRunSaysWhatWouldHappenAndChangesNothing() {
        done(simulator().projectApiPage("qa", "regenerate", "alice", 201));
        // A dry run reads nothing new itself: it says what the events the log reader kept would lead to.
        logReader.catchUp(QA);

        ReconciliationReport preview = reconciliation.dryRun(QA_201);

        assertThat(findings(preview)).containsExactly("CHANGED:alice");
        assertThat(findings(reconcile())).as("the dry run kept the cursor").containsExactly("CHANGED:alice");
    }

    @Test
    @Order(6)
    void rightsSwitchedOnAgainForATokenAwaitingItsDeletionAreSwitchedOffAgain() {
        IssuedToken alices = registry.ofUserOn(QA, 201, "alice").stream().filter(token -> token.state().isLive())
                .findFirst().orElseThrow();
        lifecycles.revoke(alices.id(), RevocationReason.NO_LONGER_NEEDED, "alice");
        Jobs.runDue(management);
        assertThat(registry.find(alices.id()).orElseThrow().state()).isEqualTo(TokenState.REVOCATION_PENDING);
        assertThat(rightsOf("alice")).isEqualTo(0);
        done(simulator().userRights("qa", "alice", 201, Map.of("api_export", "1")));

        assertThat(findings(reconcile())).containsExactly("REVIVED:alice");

        assertThat(rightsOf("alice")).as("switched off again").isEqualTo(0);
        assertThat(registry.find(alices.id()).orElseThrow().state()).isEqualTo(TokenState.REVOCATION_PENDING);
        assertThat(reconcile().items()).isEmpty();
    }

    int rightsOf(String username) {
        return redcap().queryForObject("SELECT api_export FROM redcap_user_rights WHERE project_id = 201 AND username = ?",
                Integer.class, username);
    }

    long mailsTo(String username) {
        return jdbc.queryForObject("select count(*) from mail_outbox where to_usernames like ?", Long.class,
                "%" + username + "%");
    }
}
