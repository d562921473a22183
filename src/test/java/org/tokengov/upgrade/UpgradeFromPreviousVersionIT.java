package org.tokengov.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.audit.AuditAction;
import org.tokengov.audit.AuditEntry;
import org.tokengov.audit.AuditTrail;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.Ledger;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.lifecycle.TokenLifecycles;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.NewIssuedToken;
import org.tokengov.registry.RequestStatus;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.registry.TokenState;
import org.tokengov.registry.TokenRequests;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * Processes outlive deployments: requests and a token lifecycle started on the previous version of the diagrams
 * (test resources {@code previous-version/}, as main had them before the request ledger; the offboarding as it was
 * before one job revoked all of a leaver's tokens) are where the previous
 * version left them, with the registry rows and audit trail it wrote, when the new version is deployed and the
 * upgrade runs. They finish correctly on the new version: migrated, their ledger backfilled from the audit trail,
 * their waiting reviews offered anew without the requester, and the production token issued in REDCap, or refused
 * for a request that was filed in someone else's name. Own database: the test deploys the diagrams again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
@TestPropertySource(properties = "tokengov.test.context=upgrade")
class UpgradeFromPreviousVersionIT {

    static final List<String> PREVIOUS = List.of("TokenRequestProcess", "TokenIssuanceProcess", "TokenLifecycleProcess",
            "SponsorReplacementProcess", "OffboardingProcess");

    @Autowired ConfigurableApplicationContext context;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail audit;
    @Autowired Ledger ledger;
    @Autowired TokenRequests requests;
    @Autowired TokenRegistry registry;
    @Autowired InstanceUpgrade upgrade;
    @Autowired TokenLifecycles lifecycles;

    SimulatorHttp simulator;

    @BeforeEach
    void clients() {
        RealServers.serveHttpFrom(context);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void casesUnderWayOnThePreviousVersionFinishOnTheNewOne() throws Exception {
        deploy("previous version", "classpath:previous-version/*.bpmn");
        String awaitingReview = underWay("alice", "alice", "Task_ReviewCode", List.of());
        String awaitingApproval = underWay("bob", "bob", "Task_ApproveRelease", List.of("rita"));
        String filedForSomeoneElse = underWay("bob", "carol", "Task_ApproveRelease", List.of("sam"));
        IssuedToken renewing = registry.recordIssued(new NewIssuedToken(null, "rita", RedcapEnvironment.QA, 201L,
                new TokenRights(true, false, false), null));
        String lifecycle = runtime.startProcessInstanceById(previous("TokenLifecycleProcess").getId(), renewing.id(),
                Map.of("tokenId", renewing.id(), "holder", "rita", "environment", "QA", "projectId", 201L,
                        "expiresAt", Date.from(renewing.expiresAt()))).getId();

        deploy("new version", "classpath*:bpmn/*.bpmn");
        // As in a database the previous version left: this app's own start found nothing to backfill and said so.
        jdbc.update("delete from upgrade_step");
        upgrade.run(null);

        for (String instance : List.of(awaitingReview, awaitingApproval, filedForSomeoneElse, lifecycle)) {
            ProcessDefinition now = repository.getProcessDefinition(
                    runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId());
            assertThat(latest(now.getKey()).getId()).as("migrated to the latest " + now.getKey()).isEqualTo(now.getId());
        }
        assertThat(ledger.entries(CaseRef.request(awaitingReview))).allMatch(LedgerEntry::backfilled)
                .extracting(LedgerEntry::kind).extracting(Enum::name).containsExactly("ELIGIBILITY", "PI_CONSENT", "QA_TESTED");
        assertThat(ledger.entries(CaseRef.request(awaitingReview))).filteredOn(entry -> entry.kind() == LedgerKind.PI_CONSENT)
                .extracting(LedgerEntry::outcome).as("it met no PI consent gate, and says so").containsExactly("BEFORE_CONSENT_GATE");

        // The review waiting from before is offered to the specialists again, person by person, never to the requester.
        Task review = waitingTask(awaitingReview, "Task_ReviewCode");
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId).containsOnlyNulls();
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getUserId).contains("sam")
                .doesNotContain("alice");
        // Its reminder timer runs the new version's reminder.
        Job reminder = management.createJobQuery().processInstanceId(awaitingReview).activityId("Timer_ReviewReminder")
                .singleResult();
        management.executeJob(reminder.getId());
        assertThat(audit.ofRequest(awaitingReview)).extracting(AuditEntry::action).contains(AuditAction.REMINDER_SENT);

        complete("sam", review, CodeReviews.approved());
        complete("ada", waitingTask(awaitingReview, "Task_ApproveRelease"), Map.of("adminDecision", "APPROVED"));
        Task approval = waitingTask(awaitingApproval, "Task_ApproveRelease");
        assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getUserId)
                .as("rita reviewed that code before the upgrade").doesNotContain("rita", "bob");
        complete("ada", approval, Map.of("adminDecision", "APPROVED"));
        complete("ada", waitingTask(filedForSomeoneElse, "Task_ApproveRelease"), Map.of("adminDecision", "APPROVED"));
        Jobs.runDue(management);

        assertThat(simulator.tokenOf("prod", "alice", 101)).matches("[0-9A-F]{32}");
        assertThat(simulator.tokenOf("prod", "bob", 101)).matches("[0-9A-F]{32}");
        assertThat(requests.find(awaitingReview).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(requests.find(filedForSomeoneElse).orElseThrow().status()).isEqualTo(RequestStatus.REFUSED);
        assertThat(simulator.tokenOf("prod", "carol", 101)).isNull();

        // The lifecycle asks for its renewal with the new version's listener, and the holder keeps the token.
        Job notice = management.createJobQuery().processInstanceId(lifecycle).activityId("Timer_RenewalNoticeDue").singleResult();
        management.executeJob(notice.getId());
        Jobs.runDue(management);
        complete("rita", waitingTask(lifecycle, "Task_ConfirmRenewal"), Map.of("stillNeeded", true, "usageUnchanged", true,
                "fairUseReattested", true));
        assertThat(registry.find(renewing.id()).orElseThrow().expiresAt()).isAfter(renewing.expiresAt());
    }

    /**
     * Token lifecycles the previous version left at three different points: waiting for the renewal notice, in the
     * renewal task, and suspended with the fix to re-test. After the upgrade each runs on the new version and ends as
     * the holder and the reviewers decide: revoked as no longer needed, extended, reinstated with a new value.
     */
    @Test
    void lifecyclesUnderWayOnThePreviousVersionFinishOnTheNewOne() throws Exception {
        deploy("previous version of the lifecycles", "classpath:previous-version/*.bpmn");
        IssuedTokens issued = new IssuedTokens(context);
        IssuedToken waiting = issued.issue("alice", RedcapEnvironment.QA, 201);
        IssuedToken renewing = issued.issue("bob", RedcapEnvironment.QA, 201);
        IssuedToken suspended = issued.issue("pat", RedcapEnvironment.QA, 201);
        String waitingValue = simulator.tokenOf("qa", "alice", 201);
        String renewingValue = simulator.tokenOf("qa", "bob", 201);
        String suspendedValue = simulator.tokenOf("qa", "pat", 201);
        String previousLifecycle = previous("TokenLifecycleProcess", "previous version of the lifecycles").getId();
        for (IssuedToken token : List.of(waiting, renewing, suspended)) {
            assertThat(lifecycleOf(token).getProcessDefinitionId()).as("started on the previous version")
                    .isEqualTo(previousLifecycle);
        }
        management.executeJob(management.createJobQuery().processInstanceId(lifecycleOf(renewing).getId())
                .activityId("Timer_RenewalNoticeDue").singleResult().getId());
        lifecycles.suspend(suspended.id(), "Full exports every 5 seconds at noon", "ada");
        Jobs.runDue(management);
        assertThat(tasks.createTaskQuery().processInstanceId(lifecycleOf(renewing).getId())
                .taskDefinitionKey("Task_ConfirmRenewal").count()).as("bob's renewal waits for him").isEqualTo(1);
        assertThat(simulator.versionStatus("qa", suspendedValue)).as("pat's token suspended").isEqualTo(403);

        deploy("new version of the lifecycles", "classpath*:bpmn/*.bpmn");
        upgrade.run(null);

        for (IssuedToken token : List.of(waiting, renewing, suspended)) {
            assertThat(lifecycleOf(token).getProcessDefinitionId()).as("migrated to the latest lifecycle")
                    .isEqualTo(latest("TokenLifecycleProcess").getId());
        }
        Job notice = management.createJobQuery().processInstanceId(lifecycleOf(waiting).getId())
                .activityId("Timer_RenewalNoticeDue").singleResult();
        management.executeJob(notice.getId());
        Jobs.runDue(management);
        complete("alice", waitingTask(lifecycleOf(waiting).getId(), "Task_ConfirmRenewal"), Map.of("stillNeeded", false,
                "usageUnchanged", true, "fairUseReattested", true));
        complete("bob", waitingTask(lifecycleOf(renewing).getId(), "Task_ConfirmRenewal"), Map.of("stillNeeded", true,
                "usageUnchanged", true, "fairUseReattested", true));
        String suspendedLifecycle = lifecycleOf(suspended).getId();
        complete("pat", waitingTask(suspendedLifecycle, "Task_RetestFixInQa"), Map.of(
                "codeRepositoryUrl", "https://git.example.org/pat/export", "codeCommit", "0badc0de",
                "testSummary", "Incremental export with dateRangeBegin, tested in QA for a week."));
        complete("sam", waitingTask(suspendedLifecycle, "Task_ReviewFix"), Map.of("fixReviewOutcome", "APPROVED"));
        complete("ada", waitingTask(suspendedLifecycle, "Task_ApproveReinstatement"),
                Map.of("reinstatementDecision", "APPROVED"));
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("qa", waitingValue)).as("alice's token no longer needed: revoked")
                .isEqualTo(403);
        assertThat(registry.find(waiting.id()).orElseThrow().state()).isEqualTo(TokenState.REVOKED);
        assertThat(lifecycleOf(waiting)).as("alice's lifecycle ended").isNull();
        assertThat(simulator.versionStatus("qa", renewingValue)).as("bob's token renewed").isEqualTo(200);
        assertThat(registry.find(renewing.id()).orElseThrow().expiresAt()).isAfter(renewing.expiresAt());
        assertThat(management.createJobQuery().processInstanceId(lifecycleOf(renewing).getId())
                .activityId("Timer_RenewalNoticeDue").count()).as("bob's next renewal notice is set").isEqualTo(1);
        String reinstated = simulator.tokenOf("qa", "pat", 201);
        assertThat(simulator.versionStatus("qa", reinstated)).as("pat's token reinstated").isEqualTo(200);
        assertThat(registry.find(suspended.id()).orElseThrow().state()).isEqualTo(TokenState.QA_ACTIVE);
        assertThat(lifecycleOf(suspended)).as("pat's lifecycle goes on").isNotNull();
    }

    /**
     * An offboarding the previous version left inside its per-token revocations (a job per token, not yet run, where
     * this version has one job for all): after the upgrade the jobs run on the earlier diagram, whose beans are kept,
     * and REDCap refuses every token; no revocation is lost.
     */
    @Test
    void anOffboardingUnderWayOnThePreviousVersionFinishesAfterTheUpgrade() throws Exception {
        deploy("previous version of the offboarding", "classpath:previous-version/*.bpmn");
        IssuedTokens issued = new IssuedTokens(context);
        IssuedToken prod = issued.issue("erin", RedcapEnvironment.PROD, 103);
        IssuedToken qa = issued.issue("erin", RedcapEnvironment.QA, 202);
        String prodValue = simulator.tokenOf("prod", "erin", 103);
        String qaValue = simulator.tokenOf("qa", "erin", 202);
        String previousOffboarding = previous("OffboardingProcess", "previous version of the offboarding").getId();
        identity.setAuthentication("ada", List.of("redcap-admins"));
        String offboarding;
        try {
            offboarding = runtime.startProcessInstanceById(previousOffboarding, Map.of("username", "erin",
                    "offboardingEventType", "person.terminated", "offboardingReason", "Left the institute")).getId();
        } finally {
            identity.clearAuthentication();
        }
        assertThat(management.createJobQuery().processInstanceId(offboarding).activityId("Task_RevokeTokenInRedcap")
                .count()).as("a job per token, waiting").isEqualTo(2);

        deploy("new version of the offboarding", "classpath*:bpmn/*.bpmn");
        upgrade.run(null);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(offboarding).singleResult()
                .getProcessDefinitionId()).as("inside a subprocess the new diagram lacks: not migrated")
                .isEqualTo(previousOffboarding);
        Jobs.runDue(management);

        assertThat(simulator.versionStatus("prod", prodValue)).isEqualTo(403);
        assertThat(simulator.versionStatus("qa", qaValue)).isEqualTo(403);
        assertThat(List.of(prod, qa)).allSatisfy(token -> assertThat(registry.find(token.id()).orElseThrow().state())
                .isEqualTo(TokenState.REVOKED));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(offboarding).count()).as("ended").isZero();
        assertThat(jdbc.queryForObject("select outcome from offboarding_event where username = 'erin'", String.class))
                .isEqualTo("COMPLETED");
    }

    private ProcessInstance lifecycleOf(IssuedToken token) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("TokenLifecycleProcess")
                .processInstanceBusinessKey(token.id()).singleResult();
    }

    /**
     * A request as the previous version left it at {@code step}: started by {@code startedBy} (filed for {@code
     * requester}: before the ledger, a {@code requester} variable could differ), with the registry row and the audit
     * trail of the steps before, and a code review by each of {@code reviewers}.
     */
    private String underWay(String startedBy, String requester, String step, List<String> reviewers) {
        Map<String, Object> variables = new HashMap<>(Map.of("requester", requester, "productionProjectId", 101L,
                "qaProjectId", 201L, "rightExport", true, "rightImport", false, "rightMobileApp", false,
                "fairUseAccepted", true, "intendedUse", "SCHEDULED_EXPORT",
                "usageDescription", "Nightly export of new visits for the dashboard, filtered by date."));
        variables.put("callSchedule", "Nightly at 02:00");
        variables.put("expectedCallsPerDay", 10L);
        variables.put("eligible", true);
        identity.setAuthentication(startedBy, List.of("camunda-admin"));
        String id;
        try {
            id = runtime.createProcessInstanceById(previous("TokenRequestProcess").getId()).startBeforeActivity(step)
                    .setVariables(variables).execute(true, true).getId();
        } finally {
            identity.clearAuthentication();
        }
        // Numbered as V21 numbers the requests filed before it (in a year of their own here, apart from new ones).
        jdbc.update("""
                insert into token_request (id, requester, production_project_id, qa_project_id, right_export, right_import,
                    right_mobile_app, intended_use, usage_description, call_schedule, expected_calls_per_day, status,
                    submitted_at, version, fair_use_accepted, backfilled, request_number)
                values (?, ?, 101, 201, true, false, false, 'SCHEDULED_EXPORT', ?, 'Nightly at 02:00', 10, 'SUBMITTED', ?, 0,
                    true, true, 'REQ-1999-' || lpad(cast((select count(*) + 1 from token_request
                        where request_number like 'REQ-1999-%') as varchar), 4, '0'))""",
                id, requester, variables.get("usageDescription"), Timestamp.from(Instant.now()));
        audit.record(requester, AuditAction.REQUEST_SUBMITTED, id, null, "production project 101, QA project 201");
        audit.record(AuditTrail.SYSTEM_ACTOR, AuditAction.ELIGIBILITY_PASSED, id, null, null);
        audit.record(requester, AuditAction.QA_TESTING_SUBMITTED, id, null,
                "repository https://git.example.org/lab/export commit 3f2a9c1");
        reviewers.forEach(reviewer -> audit.record(reviewer, AuditAction.CODE_REVIEWED, id, null, "APPROVED"));
        return id;
    }

    private void deploy(String name, String pattern) throws Exception {
        DeploymentBuilder deployment = repository.createDeployment().name(name);
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        for (Resource diagram : resources.getResources(pattern)) {
            String key = diagram.getFilename().replace(".bpmn", "");
            if (PREVIOUS.contains(key)) {
                deployment.addInputStream("bpmn/" + diagram.getFilename(), diagram.getInputStream());
            }
        }
        for (Resource form : resources.getResources("classpath*:forms/*.form")) {
            deployment.addInputStream("forms/" + form.getFilename(), form.getInputStream());
        }
        deployment.deploy();
    }

    private ProcessDefinition previous(String key) {
        return previous(key, "previous version");
    }

    private ProcessDefinition previous(String key, String deploymentName) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).list().stream()
                .filter(definition -> deploymentName.equals(
                        repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult().getName()))
                .findFirst().orElseThrow();
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private Task waitingTask(String processInstanceId, String key) {
        Jobs.enter(management, processInstanceId, key);
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key + " waiting").isNotNull();
        return task;
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
            }
            tasks.complete(task.getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }
}
