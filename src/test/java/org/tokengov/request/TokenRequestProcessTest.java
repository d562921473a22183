package org.tokengov.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.audit.AuditTrail;
import org.tokengov.identity.CamundaIdentityDirectory;
import org.tokengov.issuance.IssuanceBeans;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.notification.MailKind;
import org.tokengov.notification.Notifier;
import org.tokengov.policy.PiConsentProperties;
import org.tokengov.policy.PolicyProperties;
import org.tokengov.policy.RequestTimeouts;
import org.tokengov.redcap.ProjectPis;
import org.tokengov.redcap.RedcapApi;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapProjectUser;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.redcap.TokenAdministration;
import org.tokengov.leaks.LeakScans;
import org.tokengov.redcap.TokenFingerprint;
import org.tokengov.redcap.TokenRights;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;
import org.tokengov.usage.UsageCounts;
import org.tokengov.usage.UsageSummary;
import org.tokengov.testsupport.CodeReviews;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.InMemoryLedger;
import org.tokengov.testsupport.RecordingDelegate;
import org.tokengov.testsupport.TestPeople;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyesViolationException;
import org.tokengov.usertask.TaskCandidates;

/**
 * Every path of TokenRequestProcess: branches, the review loop, four eyes from the ledger, the issuance gates,
 * reminders and time-outs. The ledger is in memory; the listeners and the issuance's gates are the real ones.
 */
@Deployment(resources = {"bpmn/TokenRequestProcess.bpmn", "bpmn/TokenIssuanceProcess.bpmn"})
class TokenRequestProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final PolicyProperties POLICY = new PolicyProperties(java.time.Period.ofYears(1), Duration.ofDays(30),
            Duration.ofDays(14), Duration.ofDays(3), Duration.ofDays(3),
            Duration.ofDays(14), Duration.ofDays(14),
            Duration.ofDays(90), Duration.ofDays(3), Duration.ofDays(14), Duration.ofDays(3), Duration.ofDays(14));
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    InMemoryLedger ledger = new InMemoryLedger();
    AuditTrail audit = mock(AuditTrail.class);
    TokenAdministration administration = mock(TokenAdministration.class);
    EligibilityCheck eligibility = mock(EligibilityCheck.class);
    RedcapApi redcap = mock(RedcapApi.class);
    Successions successions = mock(Successions.class);
    RecordingDelegate register = new RecordingDelegate();
    RecordingDelegate closeRequest = new RecordingDelegate();
    RecordingDelegate remindSponsor = new RecordingDelegate();
    RecordingDelegate remindRequester = new RecordingDelegate();
    RecordingDelegate remindReviewers = new RecordingDelegate();
    RecordingDelegate remindApprovers = new RecordingDelegate();
    RecordingDelegate grantEntitlement = new RecordingDelegate();
    RecordingDelegate remindPis = new RecordingDelegate();
    ProjectPis projectPis = mock(ProjectPis.class);
    Notifier notifier = mock(Notifier.class);
    LeakScans leakScans = mock(LeakScans.class);
    List<String> pis = List.of("pat");
    final PiConsentProperties piConsent = new PiConsentProperties(true, Duration.ofHours(1), Duration.ofDays(3), Duration.ofDays(14));
    EligibilityDecision decision = EligibilityDecision.eligibleRequester();
    QaTokenUse qaTokenUse = mock(QaTokenUse.class);
    RequestTasks tasks;

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(Date.from(START));
        TestPeople.create(identityService());
        when(eligibility.decide(any())).thenAnswer(call -> decision);
        when(administration.create(any(), anyLong(), anyString(), any(), anyString()))
                .thenReturn(new TokenFingerprint("f".repeat(64)));
        tasks = new RequestTasks(ledger.cases, ledger.ledger, audit, mock(Notifier.class), new FourEyes(audit),
                TestPeople.candidates(identityService(), managementService()), successions);
        Mocks.register("requestSubmittedListener", new RequestSubmittedListener(ledger.requests));
        Mocks.register("registerRequestDelegate", register);
        Mocks.register("checkEligibilityDelegate", new CheckEligibilityDelegate(eligibility, ledger.requests, ledger.ledger, audit));
        Mocks.register("closeRequestDelegate", closeRequest);
        Mocks.register("remindSponsorDelegate", remindSponsor);
        Mocks.register("remindRequesterToTestDelegate", remindRequester);
        Mocks.register("remindReviewersDelegate", remindReviewers);
        Mocks.register("remindApproversDelegate", remindApprovers);
        Mocks.register("confirmSponsorshipListener", new ConfirmSponsorshipListener(tasks));
        Mocks.register("developAndTestInQaListener", new DevelopAndTestInQaListener(tasks, qaTokenUse,
                new RequestProperties(false)));
        when(redcap.findProjectUser(RedcapEnvironment.PROD, 101L, "alice")).thenReturn(Optional.of(
                new RedcapProjectUser("alice", null, null, true, false, false, false, "Data managers")));
        when(redcap.findProjectUser(RedcapEnvironment.QA, 201L, "alice")).thenReturn(Optional.of(
                new RedcapProjectUser("alice", null, null, true, true, false, false)));
        Mocks.register("reviewCodeListener", new ReviewCodeListener(tasks, new RightsInRedcap(redcap), leakScans,
                qaTokenUse));
        Mocks.register("approveReleaseListener", new ApproveReleaseListener(tasks, new RightsInRedcap(redcap)));
        inRedcap("rita", RedcapEnvironment.PROD, 101L, new TokenRights(true, false, false));
        inRedcap("rita", RedcapEnvironment.QA, 201L, new TokenRights(true, false, false));
        inRedcap("erin", RedcapEnvironment.PROD, 101L, new TokenRights(true, false, false));
        inRedcap("erin", RedcapEnvironment.QA, 201L, new TokenRights(true, false, false));
        when(projectPis.of(RedcapEnvironment.PROD, 101L)).thenAnswer(call -> pis);
        when(projectPis.ofNow(RedcapEnvironment.PROD, 101L)).thenAnswer(call -> pis);
        PiConsents consents = new PiConsents(new PiConsentCheck(redcap), piConsent, ledger.ledger, audit, notifier);
        Mocks.register("checkPiConsentDelegate", new CheckPiConsentDelegate(consents, ledger.requests));
        Mocks.register("recheckPiConsentDelegate", new RecheckPiConsentDelegate(consents, ledger.requests));
        Mocks.register("approveAsPiListener", new ApproveAsPiListener(tasks, new PiApprovers(projectPis,
                new CamundaIdentityDirectory(identityService(), managementService())), new RightsInRedcap(redcap)));
        Mocks.register("remindPisDelegate", remindPis);
        Mocks.register("requestTimeouts", new RequestTimeouts(POLICY, piConsent));
        Mocks.register("tokenAdministrationModes", new AlwaysDatabaseMode());
        Mocks.register("checkIssuanceGatesDelegate", IssuanceBeans.checkIssuanceGates(ledger.cases));
        Mocks.register("refuseIssuanceDelegate", IssuanceBeans.refuseIssuance(ledger.ledger, ledger.cases, audit,
                mock(Notifier.class)));
        Mocks.register("writeTokenToRedcapDelegate", IssuanceBeans.writeTokenToRedcap(ledger.cases, ledger.ledger,
                redcap, administration));
        Mocks.register("recordIssuedTokenDelegate", new RecordingDelegate(execution -> {
            String environment = (String) execution.getVariable("environment");
            ledger.add(CaseRef.request((String) execution.getVariable("requestId")), LedgerKind.TOKEN_ISSUED, environment,
                    "system", null, null);
            execution.setVariable("tokenId", environment + "-token");
        }));
        Mocks.register("grantEntitlementDelegate", grantEntitlement);
        Mocks.register("enrolInLifecycleDelegate", new RecordingDelegate());
        Mocks.register("findLiveTokenDelegate", new RecordingDelegate(execution -> execution.setVariable("tokenId", null)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
        TestPeople.remove(identityService());
    }

    /** The issuance diagram asks which mode an environment uses; these tests take the database path. */
    public static class AlwaysDatabaseMode {
        public boolean isManual(String environment) {
            return false;
        }
    }

    static Map<String, Object> validRequest() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("productionProjectId", 101);
        variables.put("qaProjectId", 201L);
        variables.put("rightExport", true);
        variables.put("rightImport", false);
        variables.put("rightMobileApp", false);
        variables.put("fairUseAccepted", true);
        variables.put("intendedUse", "SCHEDULED_EXPORT");
        variables.put("usageDescription", "Nightly export of new visits for the study dashboard, filtered by date.");
        variables.put("callSchedule", "Nightly at 02:00");
        variables.put("expectedCallsPerDay", 12);
        return variables;
    }

    static ProcessInstance startAs(String user, Map<String, Object> variables) {
        identityService().setAuthenticatedUserId(user);
        try {
            return runtimeService().startProcessInstanceByKey("TokenRequestProcess", variables);
        } finally {
            identityService().clearAuthentication();
        }
    }

    void inRedcap(String user, RedcapEnvironment environment, long project, TokenRights rights) {
        when(redcap.findProjectUser(environment, project, user)).thenReturn(Optional.of(new RedcapProjectUser(user, null,
                null, rights.export(), rights.importData(), rights.mobileApp(), false)));
    }

    /** Runs the eligibility check and the PI consent check (both asynchronous steps). */
    static void checkEligibilityAndConsent(ProcessInstance request) {
        execute(job(request));
        reach(request, "Task_CheckPiConsent");
    }

    /** Runs the eligibility check, the PI consent check and the QA issuance (all asynchronous steps). */
    ProcessInstance startAndIssueQaToken() {
        ProcessInstance request = startAs("alice", validRequest());
        checkEligibilityAndConsent(request);
        assertThat(request).isWaitingAt("Task_IssueQaToken");
        issueInChild(request);
        return request;
    }

    /** The called issuance runs two asynchronous steps: writing the token and granting the entitlement. */
    static void issueInChild(ProcessInstance request) {
        execute(job("Task_WriteTokenToRedcap", calledProcessInstance(request)));
        execute(job("Task_GrantEntitlement", calledProcessInstance(request)));
    }

    /** rita is requester, API specialist and REDCap admin at once: the four-eyes rule must stop her. */
    ProcessInstance ritasRequestAwaitingReview() {
        ProcessInstance request = startAs("rita", validRequest());
        checkEligibilityAndConsent(request);
        issueInChild(request);
        completeAs("rita", task(request), Map.of("codeRepositoryUrl", "https://git.example.org/r",
                "codeCommit", "abcdef1", "testSummary", "Tested all paths in QA for two weeks."));
        reach(request, "Task_ReviewCode");
        return request;
    }

    /** Reviews and approvals start asynchronously (their offer reads the identity store): runs that step's job. */
    static void reach(ProcessInstance request, String userTask) {
        Job start = managementService().createJobQuery().processInstanceId(request.getId()).activityId(userTask)
                .singleResult();
        assertThat(start).as(userTask + " is entered asynchronously").isNotNull();
        execute(start);
    }

    static void completeAs(String user, Task task, Map<String, Object> variables) {
        identityService().setAuthenticatedUserId(user);
        try {
            taskService().complete(task.getId(), variables);
        } finally {
            identityService().clearAuthentication();
        }
    }

    static void submitQaResults(ProcessInstance request) {
        completeAs("alice", task(request), Map.of("codeRepositoryUrl", "https://git.example.org/lab/export",
                "codeCommit", "3f2a9c1", "testSummary", "Ran the nightly export against QA for a week; 40 calls a night."));
        reach(request, "Task_ReviewCode");
    }

    static void review(ProcessInstance request, String reviewer, String outcome, String comments) {
        assertThat(request).isWaitingAt("Task_ReviewCode");
        taskService().claim(task(request).getId(), reviewer);
        Map<String, Object> variables = new HashMap<>();
        variables.put("codeReviewOutcome", outcome);
        variables.put("codeReviewComments", comments);
        if ("APPROVED".equals(outcome)) {
            variables.putAll(CodeReviews.CHECKLIST_TICKED);
        }
        completeAs(reviewer, task(request), variables);
        if ("APPROVED".equals(outcome)) {
            reach(request, "Task_ApproveRelease");
        }
    }

    static void decide(ProcessInstance request, String admin, String decision, String comments) {
        assertThat(request).isWaitingAt("Task_ApproveRelease");
        taskService().claim(task(request).getId(), admin);
        Map<String, Object> variables = new HashMap<>();
        variables.put("adminDecision", decision);
        variables.put("adminComments", comments);
        completeAs(admin, task(request), variables);
    }

    List<String> gates(ProcessInstance request, LedgerKind kind) {
        return ledger.entriesOf(CaseRef.request(request.getId())).stream().filter(entry -> entry.kind() == kind)
                .map(entry -> entry.actor() + ":" + entry.outcome()).toList();
    }

    @Test
    void approvedRequestGetsQaThenProductionToken() {
        ProcessInstance request = startAndIssueQaToken();

        assertThat(request).isWaitingAt("Task_DevelopAndTestInQa").task().isAssignedTo("alice");
        assertThat(request).variables().containsEntry("qaTokenId", "QA-token").containsEntry("requester", "alice");
        verify(administration).create(RedcapEnvironment.QA, 201L, "alice", new TokenRights(true, false, false), "system");
        submitQaResults(request);
        assertThat(task(request)).hasCandidateUser("sam").hasCandidateUser("rita");
        String inRedcap = "PROD project 101: API export (from the user role 'Data managers')\n"
                + "QA project 201: API export, API import";
        assertThat(taskService().getVariableLocal(task(request).getId(), "redcapRights")).isEqualTo(inRedcap);
        review(request, "sam", "APPROVED", null);
        assertThat(task(request)).hasCandidateUser("ada").hasCandidateUser("rita");
        assertThat(taskService().getVariableLocal(task(request).getId(), "redcapRights")).isEqualTo(inRedcap);
        decide(request, "ada", "APPROVED", null);

        assertThat(request).isWaitingAt("Task_IssueProductionToken");
        issueInChild(request);
        assertThat(grantEntitlement.calls()).hasSize(2);
        verify(administration).create(RedcapEnvironment.PROD, 101L, "alice", new TokenRights(true, false, false), "system");
        assertThat(request).isEnded().hasPassed("Task_CloseApprovedRequest").hasNotPassed("Gateway_MergeTimeouts");
        assertThat(closeRequest.lastCall()).containsEntry("requestOutcome", "APPROVED");
        assertThat(historicVariable(request, "productionTokenId")).isEqualTo("PROD-token");
        assertThat(gates(request, LedgerKind.QA_TESTED)).containsExactly("alice:null");
        assertThat(gates(request, LedgerKind.CODE_REVIEW)).containsExactly("sam:APPROVED");
        assertThat(gates(request, LedgerKind.RELEASE_DECISION)).containsExactly("ada:APPROVED");
        assertThat(gates(request, LedgerKind.PI_CONSENT)).containsExactly("system:ENABLED_IN_REDCAP");
        assertThat(request).hasNotPassed("Task_ApproveAsPi");
    }

    @Test
    void startVariablesAreStoredWithTheContractsTypesAndTheRequestIsFiledInTheLedger() {
        ProcessInstance request = startAs("alice", validRequest());

        assertThat(runtimeService().getVariable(request.getId(), "productionProjectId")).isEqualTo(101L);
        assertThat(runtimeService().getVariable(request.getId(), "expectedCallsPerDay")).isEqualTo(12L);
        assertThat(ledger.submission(request.getId())).hasValueSatisfying(submitted -> {
            assertThat(submitted.requester()).isEqualTo("alice");
            assertThat(submitted.productionProjectId()).isEqualTo(101L);
            assertThat(submitted.fairUseAccepted()).isTrue();
        });
        assertThat(register.calls()).hasSize(1);
        assertThat(request).isWaitingAt("Task_CheckEligibility");
    }

    @Test
    void aRequesterVariableCannotFileTheRequestInSomeoneElsesName() {
        Map<String, Object> variables = validRequest();
        variables.put("requester", "bob");
        ProcessInstance request = startAs("alice", variables);

        assertThat(ledger.submission(request.getId()).orElseThrow().requester()).isEqualTo("alice");
        assertThat(runtimeService().getVariable(request.getId(), "requester")).isEqualTo("alice");
    }

    @Test
    void aRequestWithoutASignedInSubmitterIsRefused() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("TokenRequestProcess", validRequest()))
                .isInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("must be submitted by a signed-in person");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void ineligibleRequesterIsToldWhyAndTheRequestEnds() {
        decision = EligibilityDecision.ineligible("'alice' is not a user of REDCap production project 101.");
        ProcessInstance request = startAs("alice", validRequest());
        execute(job(request));

        assertThat(request).isEnded().hasPassed("Task_CloseIneligibleRequest", "EndEvent_RequestIneligible")
                .hasNotPassed("Task_IssueQaToken");
        assertThat(closeRequest.lastCall()).containsEntry("requestOutcome", "INELIGIBLE")
                .containsEntry("outcomeReason", "'alice' is not a user of REDCap production project 101.");
        assertThat(gates(request, LedgerKind.ELIGIBILITY)).containsExactly("system:INELIGIBLE");
    }

    @Test
    void externalRequesterWaitsForTheSponsorBeforeTheQaToken() {
        decision = EligibilityDecision.eligibleWithSponsor("pat");
        ProcessInstance request = startAs("erin", validRequest());
        execute(job(request));

        assertThat(request).isWaitingAt("Task_ConfirmSponsorship").task().isAssignedTo("pat");
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
        completeAs("pat", task(request), Map.of("sponsorshipConfirmed", true));
        reach(request, "Task_CheckPiConsent");

        assertThat(request).isWaitingAt("Task_IssueQaToken");
        issueInChild(request);
        assertThat(request).isWaitingAt("Task_DevelopAndTestInQa").task().isAssignedTo("erin");
        assertThat(gates(request, LedgerKind.SPONSORSHIP)).containsExactly("pat:CONFIRMED");
    }

    @Test
    void onlyTheSponsorTheLedgerNamesMayConfirm() {
        decision = EligibilityDecision.eligibleWithSponsor("pat");
        ProcessInstance request = startAs("erin", validRequest());
        execute(job(request));

        assertThatThrownBy(() -> completeAs("erin", task(request), Map.of("sponsorshipConfirmed", true)))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("only pat, the requester's sponsor, works on it");
        assertThatThrownBy(() -> taskService().setAssignee(task(request).getId(), "erin"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThat(request).isWaitingAt("Task_ConfirmSponsorship");
    }

    @Test
    void sponsorWhoDeclinesEndsTheRequestWithTheirReason() {
        decision = EligibilityDecision.eligibleWithSponsor("pat");
        ProcessInstance request = startAs("erin", validRequest());
        execute(job(request));

        assertThatThrownBy(() -> completeAs("pat", task(request), Map.of("sponsorshipConfirmed", false)))
                .hasMessageContaining("Why you do not confirm is required");
        completeAs("pat", task(request), Map.of("sponsorshipConfirmed", false, "sponsorComments", "I do not know erin."));

        assertThat(request).isEnded().hasPassed("EndEvent_SponsorDeclined").hasNotPassed("Task_IssueQaToken");
        assertThat(closeRequest.lastCall()).containsEntry("requestOutcome", "REJECTED")
                .containsEntry("outcomeReason", "Sponsor pat did not confirm the sponsorship: I do not know erin.");
    }

    @Test
    void internalRequesterSkipsTheSponsorStep() {
        ProcessInstance request = startAndIssueQaToken();

        assertThat(request).hasNotPassed("Task_ConfirmSponsorship");
    }

    @Test
    void changesRequestedGoBackToQaTestingUntilApproved() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        review(request, "sam", "CHANGES_REQUESTED", "Use dateRangeBegin instead of exporting everything.");

        assertThat(request).isWaitingAt("Task_DevelopAndTestInQa").task().isAssignedTo("alice");
        assertThat(taskService().getVariableLocal(task(request).getId(), "codeReviewComments"))
                .isEqualTo("Use dateRangeBegin instead of exporting everything.");
        submitQaResults(request);
        review(request, "rita", "APPROVED", "Incremental now.");

        assertThat(request).isWaitingAt("Task_ApproveRelease");
        assertThat(gates(request, LedgerKind.CODE_REVIEW)).containsExactly("sam:CHANGES_REQUESTED", "rita:APPROVED");
        assertThat(task(request)).hasCandidateUser("ada");
        assertThat(taskService().getIdentityLinksForTask(task(request).getId()))
                .noneMatch(link -> "rita".equals(link.getUserId()) || link.getGroupId() != null);
    }

    @Test
    void rejectionInReviewEndsTheRequestWithTheReviewersReason() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        review(request, "sam", "REJECTED", "Polls every 5 seconds; not permitted.");

        assertThat(request).isEnded().hasPassed("EndEvent_RejectedInReview").hasNotPassed("Task_ApproveRelease");
        assertThat(closeRequest.lastCall()).containsEntry("requestOutcome", "REJECTED")
                .containsEntry("outcomeReason", "Code review: Polls every 5 seconds; not permitted.");
    }

    @Test
    void rejectionAtApprovalEndsTheRequestWithTheAdminsReason() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        review(request, "sam", "APPROVED", null);
        decide(request, "ada", "REJECTED", "Project is closing next month.");

        assertThat(request).isEnded().hasPassed("EndEvent_RejectedAtApproval").hasNotPassed("Task_IssueProductionToken");
        assertThat(closeRequest.lastCall()).containsEntry("outcomeReason", "Release approval: Project is closing next month.");
    }

    @Test
    void invalidRequestIsRefusedWithEveryProblemAndNothingStarts() {
        Map<String, Object> variables = validRequest();
        variables.put("productionProjectId", -5);
        variables.put("usageDescription", "short");
        variables.put("intendedUse", "MINING");
        variables.remove("callSchedule");

        assertThatThrownBy(() -> startAs("alice", variables))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Production project id must be between 1 and")
                .hasMessageContaining("Usage description must be 20 to 2000 characters long (it is 5)")
                .hasMessageContaining("Intended use must be one of")
                .hasMessageContaining("Call schedule is required");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
        assertThat(register.calls()).isEmpty();
    }

    @Test
    void requestWithoutAnyRightIsRefused() {
        Map<String, Object> variables = validRequest();
        variables.put("rightExport", false);

        assertThatThrownBy(() -> startAs("alice", variables)).hasMessageContaining("Choose at least one right");
    }

    @Test
    void missingProjectIdsAreRefused() {
        Map<String, Object> variables = validRequest();
        variables.remove("qaProjectId");
        variables.put("productionProjectId", "abc");

        assertThatThrownBy(() -> startAs("alice", variables))
                .hasMessageContaining("QA project id is required")
                .hasMessageContaining("Production project id must be a whole number");
    }

    @Test
    void qaResultsWithoutAnHttpsRepositoryAreRefusedAndTheTaskStays() {
        ProcessInstance request = startAndIssueQaToken();
        Task task = task(request);

        assertThatThrownBy(() -> completeAs("alice", task, Map.of("codeRepositoryUrl", "ftp://x", "codeCommit", "zz",
                "testSummary", "ok")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Code repository URL must be an https:// link")
                .hasMessageContaining("Commit must be 7 to 40 hexadecimal characters")
                .hasMessageContaining("QA test summary must be 20 to 4000 characters");
        assertThat(request).isWaitingAt("Task_DevelopAndTestInQa");
    }

    @Test
    void onlyTheRequesterReportsTheQaTest() {
        ProcessInstance request = startAndIssueQaToken();

        assertThatThrownBy(() -> completeAs("bob", task(request), Map.of("codeRepositoryUrl", "https://git.example.org/b",
                "codeCommit", "abcdef1", "testSummary", "Tested it myself for a whole week in QA.")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("only alice, who requested the token, works on it");
        assertThat(gates(request, LedgerKind.QA_TESTED)).isEmpty();
    }

    @Test
    void changesRequestedWithoutCommentsAreRefused() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);

        assertThatThrownBy(() -> review(request, "sam", "CHANGES_REQUESTED", " "))
                .hasMessageContaining("Comments is required");
        assertThatThrownBy(() -> completeAs("sam", task(request), Map.of("codeReviewOutcome", "MAYBE")))
                .hasMessageContaining("Outcome must be one of APPROVED, CHANGES_REQUESTED, REJECTED");
        assertThat(request).isWaitingAt("Task_ReviewCode");
    }

    @Test
    void rejectionAtApprovalNeedsComments() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        review(request, "sam", "APPROVED", null);

        assertThatThrownBy(() -> decide(request, "ada", "REJECTED", null)).hasMessageContaining("Comments is required");
        assertThat(request).isWaitingAt("Task_ApproveRelease");
    }

    @Test
    void theReviewIsNotOfferedToTheRequesterAndTheyCannotClaimIt() {
        ProcessInstance request = ritasRequestAwaitingReview();

        assertThat(task(request)).hasCandidateUser("sam");
        assertThat(taskService().createTaskQuery().taskCandidateUser("rita").count()).isZero();
        assertThatThrownBy(() -> taskService().claim(task(request).getId(), "rita"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("rita may not act on 'Review API code of rita for project 101'");
        assertThat(task(request).getAssignee()).isNull();
    }

    @Test
    void requesterCannotCompleteTheReviewWithoutClaimingEither() {
        ProcessInstance request = ritasRequestAwaitingReview();

        assertThatThrownBy(() -> completeAs("rita", task(request), Map.of("codeReviewOutcome", "APPROVED")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThat(request).isWaitingAt("Task_ReviewCode");
    }

    @Test
    void aTaskLocalRequesterVariableDoesNotFoolFourEyes() {
        ProcessInstance request = ritasRequestAwaitingReview();
        taskService().setVariableLocal(task(request).getId(), "requester", "somebody-else");
        taskService().setVariable(task(request).getId(), "requester", "somebody-else");

        assertThatThrownBy(() -> taskService().claim(task(request).getId(), "rita"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("it concerns their own request");
    }

    @Test
    void theRequesterCannotBeMadeACandidateOfTheirOwnReview() {
        ProcessInstance request = ritasRequestAwaitingReview();

        assertThatThrownBy(() -> taskService().addCandidateUser(task(request).getId(), "rita"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThatThrownBy(() -> taskService().addCandidateGroup(task(request).getId(), "api-specialists"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThat(taskService().getIdentityLinksForTask(task(request).getId()))
                .noneMatch(link -> "rita".equals(link.getUserId()) || link.getGroupId() != null);
    }

    @Test
    void someoneTheReviewIsNotOfferedToCannotCompleteIt() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);

        assertThatThrownBy(() -> completeAs("bob", task(request), Map.of("codeReviewOutcome", "APPROVED")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("it is not offered to them");
        assertThat(request).isWaitingAt("Task_ReviewCode");
    }

    @Test
    void reviewerCannotAlsoApproveTheRelease() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        review(request, "rita", "APPROVED", null);

        assertThat(taskService().createTaskQuery().taskCandidateUser("rita").count()).isZero();
        assertThatThrownBy(() -> taskService().claim(task(request).getId(), "rita"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("they reviewed the code of this request, and may not also approve it");
        assertThatThrownBy(() -> completeAs("rita", task(request), Map.of("adminDecision", "APPROVED")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);

        decide(request, "ada", "APPROVED", null);
        assertThat(request).isWaitingAt("Task_IssueProductionToken");
    }

    @Test
    void anEarlierReviewerCannotApproveAfterAChangesLoopEither() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        review(request, "rita", "CHANGES_REQUESTED", "Add a date filter.");
        submitQaResults(request);
        review(request, "sam", "APPROVED", null);

        assertThatThrownBy(() -> taskService().claim(task(request).getId(), "rita"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
    }

    @Test
    void requesterCannotApproveTheirOwnRelease() {
        ProcessInstance request = ritasRequestAwaitingReview();
        review(request, "sam", "APPROVED", null);

        assertThatThrownBy(() -> taskService().claim(task(request).getId(), "rita"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("concerns their own request");
    }

    @Test
    void anonymousCompletionOfAnUnclaimedReviewIsRefused() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);

        assertThatThrownBy(() -> taskService().complete(task(request).getId(), Map.of("codeReviewOutcome", "APPROVED")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("must be completed by a signed-in person");
    }

    @Test
    void startedAtTheProductionIssuanceNothingIsIssuedAndTheRefusalIsRecorded() {
        ProcessInstance request = runtimeService().createProcessInstanceByKey("TokenRequestProcess")
                .startBeforeActivity("Task_IssueProductionToken")
                .setVariables(Map.of("requester", "alice", "productionProjectId", 101L, "qaProjectId", 201L,
                        "rightExport", true, "rightImport", true, "rightMobileApp", false))
                .execute();

        assertThat(request).isEnded().hasPassed("Task_CloseRefusedRequest", "EndEvent_RequestRefused");
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
        assertThat(closeRequest.lastCall()).containsEntry("requestOutcome", "REFUSED")
                .containsEntry("outcomeReason", "the request was not submitted through the request form");
        assertThat(gates(request, LedgerKind.ISSUANCE_REFUSED)).containsExactly("system:null");
        verify(audit).record(eq("system"), eq(org.tokengov.audit.AuditAction.ISSUANCE_REFUSED), eq(request.getId()), eq(null),
                eq("a PROD token: the request was not submitted through the request form"));
    }

    @Test
    void aSubmittedRequestStartedBeforeTheReleaseApprovalStillNeedsItsReview() {
        ProcessInstance request = startAndIssueQaToken();
        runtimeService().createProcessInstanceModification(request.getId())
                .cancelAllForActivity("Task_DevelopAndTestInQa").startBeforeActivity("Task_ApproveRelease").execute();
        reach(request, "Task_ApproveRelease");
        decide(request, "ada", "APPROVED", null);

        assertThat(request).isEnded().hasPassed("EndEvent_RequestRefused");
        assertThat(closeRequest.lastCall()).containsEntry("outcomeReason", "the requester has not reported their QA test");
        verify(administration, never()).create(eq(RedcapEnvironment.PROD), anyLong(), anyString(), any(), anyString());
    }

    @Test
    void theProductionTokenHasTheRightsAndProjectAsSubmittedWhateverTheVariablesSayLater() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        review(request, "sam", "APPROVED", null);
        runtimeService().setVariable(request.getId(), "rightImport", true);
        runtimeService().setVariable(request.getId(), "productionProjectId", 999L);
        runtimeService().setVariable(request.getId(), "requester", "bob");
        decide(request, "ada", "APPROVED", null);
        issueInChild(request);

        verify(administration).create(RedcapEnvironment.PROD, 101L, "alice", new TokenRights(true, false, false), "system");
    }

    @Test
    void anApprovalNeedsEveryPointOfThePolicysChecklist() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        taskService().claim(task(request).getId(), "sam");
        Map<String, Object> threeOfFour = new HashMap<>(CodeReviews.approved());
        threeOfFour.put("checkNoTokenInCode", false);

        assertThatThrownBy(() -> completeAs("sam", task(request), threeOfFour))
                .hasMessageContaining("Before approving, confirm every point of the checklist; not yet confirmed: "
                        + "the token appears nowhere in the code, its history or its logs.");
        assertThat(request).isWaitingAt("Task_ReviewCode");
        completeAs("sam", task(request), CodeReviews.approved());
        assertThat(request).isWaitingAt("Task_ApproveRelease");
    }

    @Test
    void noApprovalWhileTheLatestLeakScanOfTheCodeHeldALiveToken() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        taskService().claim(task(request).getId(), "sam");
        Instant scannedAt = START.plusSeconds(600);
        when(leakScans.latestFor(request.getId()))
                .thenReturn(Optional.of(new LeakScans.ReviewScan("sam", scannedAt, 12, 1)));
        runtimeService().setVariable(request.getId(), "leakScanClean", true); // a forged variable counts for nothing

        assertThatThrownBy(() -> completeAs("sam", task(request), CodeReviews.approved()))
                .hasMessageContaining("The latest scan of the code under review (by sam at " + scannedAt
                        + " UTC) held 1 live token(s)");
        assertThat(request).isWaitingAt("Task_ReviewCode");
        when(leakScans.latestFor(request.getId()))
                .thenReturn(Optional.of(new LeakScans.ReviewScan("sam", scannedAt.plusSeconds(60), 12, 0)));
        completeAs("sam", task(request), CodeReviews.approved());
        assertThat(request).isWaitingAt("Task_ApproveRelease");
    }

    @Test
    void theTicksOfAnEarlierReviewDoNotCountForTheNext() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        taskService().claim(task(request).getId(), "sam");
        Map<String, Object> changes = new HashMap<>(CodeReviews.CHECKLIST_TICKED);
        changes.put("codeReviewOutcome", "CHANGES_REQUESTED");
        changes.put("codeReviewComments", "Page the export.");
        completeAs("sam", task(request), changes);
        submitQaResults(request);

        assertThat(runtimeService().getVariable(request.getId(), "checkNoTokenInCode")).as("the earlier tick").isNull();
        taskService().claim(task(request).getId(), "sam");
        assertThatThrownBy(() -> completeAs("sam", task(request), Map.of("codeReviewOutcome", "APPROVED")))
                .hasMessageContaining("not yet confirmed: heavy calls run off peak");
        assertThat(request).isWaitingAt("Task_ReviewCode");
    }

    @Test
    void theReviewShowsTheRightsInWordsAndLinksToTheCodeAndTheApprovalShowsTheReview() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);

        Map<String, Object> review = taskService().getVariablesLocal(task(request).getId());
        assertThat(review).containsEntry("requestedRights", RightsInWords.EXPORT)
                .containsEntry("codeRepositoryLink", "https://git.example.org/lab/export")
                .containsEntry("codeCommitLink", "https://git.example.org/lab/export/commit/3f2a9c1");
        review(request, "sam", "APPROVED", "Filters by date, runs at 02:00.");

        Map<String, Object> approval = taskService().getVariablesLocal(task(request).getId());
        assertThat(approval).containsEntry("codeReviewer", "sam")
                .hasEntrySatisfying("codeReviewedOn", day -> assertThat(day.toString()).matches("\\d{4}-\\d{2}-\\d{2}"))
                .containsEntry("codeReviewComments", "Filters by date, runs at 02:00.")
                .containsEntry("requestedRights", RightsInWords.EXPORT);
    }

    @Test
    void aReviewerSeesTheRequestAsSubmittedNotAsAVariableWasChangedSince() {
        ProcessInstance request = startAndIssueQaToken();
        runtimeService().setVariable(request.getId(), "rightImport", true);
        submitQaResults(request);

        Map<String, Object> shown = taskService().getVariablesLocal(task(request).getId());
        assertThat(shown).containsEntry("rightImport", false).containsEntry("requester", "alice")
                .containsEntry("codeCommit", "3f2a9c1");
    }

    @Test
    void requesterIsRemindedEveryTwoWeeksAndTheRequestClosesAfterNinetyDaysWithoutQaResults() {
        ProcessInstance request = startAndIssueQaToken();

        fire(request, "Timer_QaTestingReminder", Duration.ofDays(14));
        assertThat(remindRequester.calls()).hasSize(1);
        assertThat(request).isWaitingAt("Task_DevelopAndTestInQa");
        assertThat(timer(request, "Timer_QaTestingReminder").getDuedate())
                .isEqualTo(Date.from(START.plus(Duration.ofDays(28))));

        assertDueWhenItsDeadlineFires(request, "Task_DevelopAndTestInQa", "Timer_QaTestingDeadline");
        fire(request, "Timer_QaTestingDeadline", Duration.ofDays(90));
        assertThat(request).isEnded().hasPassed("Task_CloseTimedOutRequest", "EndEvent_RequestTimedOut");
        assertThat(closeRequest.lastCall()).containsEntry("requestOutcome", "TIMED_OUT");
    }

    @Test
    void sponsorIsRemindedAndASponsorshipNobodyAnswersClosesTheRequest() {
        decision = EligibilityDecision.eligibleWithSponsor("pat");
        ProcessInstance request = startAs("erin", validRequest());
        execute(job(request));

        fire(request, "Timer_SponsorshipReminder", Duration.ofDays(3));
        assertThat(remindSponsor.calls()).hasSize(1);
        assertThat(request).isWaitingAt("Task_ConfirmSponsorship");
        assertDueWhenItsDeadlineFires(request, "Task_ConfirmSponsorship", "Timer_SponsorshipDeadline");
        fire(request, "Timer_SponsorshipDeadline", Duration.ofDays(14));
        assertThat(request).isEnded().hasPassed("EndEvent_RequestTimedOut").hasNotPassed("Task_IssueQaToken");
    }

    @Test
    void reviewersAreRemindedAndAnOverdueReviewClosesTheRequest() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);

        fire(request, "Timer_ReviewReminder", Duration.ofDays(3));
        assertThat(remindReviewers.calls()).hasSize(1);
        assertThat(request).isWaitingAt("Task_ReviewCode");

        assertDueWhenItsDeadlineFires(request, "Task_ReviewCode", "Timer_ReviewDeadline");
        fire(request, "Timer_ReviewDeadline", Duration.ofDays(14));
        assertThat(request).isEnded().hasPassed("EndEvent_RequestTimedOut").hasNotPassed("Task_ApproveRelease");
    }

    @Test
    void approversAreRemindedAndAnOverdueApprovalClosesTheRequest() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        review(request, "sam", "APPROVED", null);

        fire(request, "Timer_ApprovalReminder", Duration.ofDays(3));
        assertThat(remindApprovers.calls()).hasSize(1);

        assertDueWhenItsDeadlineFires(request, "Task_ApproveRelease", "Timer_ApprovalDeadline");
        fire(request, "Timer_ApprovalDeadline", Duration.ofDays(14));
        assertThat(request).isEnded().hasPassed("EndEvent_RequestTimedOut").hasNotPassed("Task_IssueProductionToken");
    }

    @Test
    void completingTheStepCancelsItsTimers() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);

        assertThat(managementService().createJobQuery().processInstanceId(request.getId())
                .activityId("Timer_QaTestingDeadline").count()).isZero();
        assertThat(managementService().createJobQuery().processInstanceId(request.getId())
                .activityId("Timer_QaTestingReminder").count()).isZero();
    }

    @Test
    void aNamedSuccessorTestsThePredecessorsReviewedCodeUnchangedAndTheReviewerSeesWhoseItIs() {
        ProcessInstance request = startAndIssueQaToken();
        Succession succession = new Succession("naming-1", "olga", "alice", 101L, "olgas-token",
                "https://git.example.org/lab/export", "3f2a9c1", "sam", START.minus(Duration.ofDays(200)), "pat",
                START.plus(Duration.ofDays(7)));
        when(successions.ofRequest(request.getId())).thenReturn(Optional.of(succession));
        Task qaTest = task(request);

        assertThatThrownBy(() -> completeAs("alice", qaTest, Map.of("codeRepositoryUrl", "https://git.example.org/lab/export",
                "codeCommit", "0000000", "testSummary", "Ran the nightly export against QA for a week.")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("This request takes over olga's reviewed code: report the QA test of repository "
                        + "https://git.example.org/lab/export at commit 3f2a9c1, unchanged.");
        assertThat(gates(request, LedgerKind.QA_TESTED)).isEmpty();

        submitQaResults(request);
        assertThat((String) taskService().getVariableLocal(task(request).getId(), "successionNote"))
                .startsWith("Successor of olga (named by pat; olga leaves on 2026-03-09): confirm this is the same "
                        + "reviewed code: repository https://git.example.org/lab/export, commit 3f2a9c1, reviewed by sam on 2025-");
        review(request, "sam", "APPROVED", null);
        assertThat((String) taskService().getVariableLocal(task(request).getId(), "successionNote"))
                .as("the approver sees it too").startsWith("Successor of olga (named by pat;");
        decide(request, "ada", "APPROVED", null);
        issueInChild(request);
        assertThat(request).isEnded().hasPassed("Task_CloseApprovedRequest");
    }

    @Test
    void aSuccessionNoteACallerSetsAtTheStartShowsNowhere() {
        Map<String, Object> variables = validRequest();
        variables.put("successionNote", "Successor of olga: confirm this is the same reviewed code");
        ProcessInstance request = startAs("alice", variables);
        checkEligibilityAndConsent(request);
        issueInChild(request);

        assertThat(taskService().getVariables(task(request).getId())).containsEntry("successionNote", null);
        submitQaResults(request);
        assertThat(taskService().getVariables(task(request).getId())).containsEntry("successionNote", null);
    }

    /** The gate as the product's default has it: on. */
    void requireQaUse() {
        Mocks.register("developAndTestInQaListener", new DevelopAndTestInQaListener(tasks, qaTokenUse,
                new RequestProperties(true)));
    }

    static final IssuedToken QA_TOKEN = new IssuedToken("qa-token", "request", "alice", RedcapEnvironment.QA, 201L, true,
            false, false, TokenState.QA_ACTIVE, START, START.plus(Duration.ofDays(365)), null, null, null, null, 0L);

    /** What REDCap's log shows of the QA token: {@code calls} exports at 10:15 REDCap time on the day of the start. */
    void redcapLogged(long calls, boolean logRead) {
        long[] byHour = new long[24];
        Instant at = START.plus(Duration.ofMinutes(75));
        byHour[at.atZone(java.time.ZoneId.of("America/New_York")).getHour()] = calls;
        UsageSummary summary = new UsageSummary(START, START.plus(Duration.ofDays(1)),
                new UsageCounts(calls, calls, 0, 0, 0), calls, calls == 0 ? null : at, byHour, calls == 0 ? null : at,
                calls == 0 ? 0 : 1, java.time.ZoneId.of("America/New_York"));
        when(qaTokenUse.observe(any())).thenReturn(Optional.of(new QaTokenUse.Observed(QA_TOKEN, summary, logRead)));
    }

    @Test
    void theQaTestIsRefusedUntilRedcapLoggedACallWithTheQaTokenThenTheReviewShowsTheCalls() {
        requireQaUse();
        ProcessInstance request = startAndIssueQaToken();
        redcapLogged(0, true);

        assertThatThrownBy(() -> submitQaResults(request))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("REDCap has no API call with your QA token yet. Test your code against the QA "
                        + "project (201) before submitting it for review.");
        assertThat(request).isWaitingAt("Task_DevelopAndTestInQa");
        assertThat(gates(request, LedgerKind.QA_TESTED)).isEmpty();

        redcapLogged(3, true);
        submitQaResults(request);

        assertThat(gates(request, LedgerKind.QA_TESTED)).containsExactly("alice:null");
        Map<String, Object> shown = taskService().getVariablesLocal(task(request).getId());
        assertThat((String) shown.get("qaTokenUse")).startsWith("QA token on project 201: 3 API calls")
                .contains("3 record exports").contains("Busiest minute: 3 calls");
        assertThat(shown).containsEntry("callSchedule", "Nightly at 02:00").containsEntry("expectedCallsPerDay", 12L);
    }

    @Test
    void aVariableClaimingTheQaTestWasDoneDoesNotOpenTheGate() {
        requireQaUse();
        ProcessInstance request = startAndIssueQaToken();
        redcapLogged(0, true);
        runtimeService().setVariable(request.getId(), "qaTokenUse", "QA token on project 201: 500 API calls");

        assertThatThrownBy(() -> completeAs("alice", task(request), Map.of("codeRepositoryUrl",
                "https://git.example.org/lab/export", "codeCommit", "3f2a9c1", "testSummary",
                "Ran the nightly export against QA for a week; 40 calls a night.", "qaUsed", true,
                "qaTokenUse", "500 API calls")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("REDCap has no API call with your QA token yet");
        assertThat(request).isWaitingAt("Task_DevelopAndTestInQa");
    }

    @Test
    void aLogThatCannotBeReadNowSaysToTryAgainAndARequestWithoutQaTokenSaysWhom() {
        requireQaUse();
        ProcessInstance request = startAndIssueQaToken();
        redcapLogged(0, false);

        assertThatThrownBy(() -> submitQaResults(request)).hasMessageContaining("try again in a few minutes");

        when(qaTokenUse.observe(any())).thenReturn(Optional.empty());
        assertThatThrownBy(() -> submitQaResults(request))
                .hasMessageContaining("The registry holds no QA token of this request on QA project 201")
                .hasMessageContaining("Ask the REDCap administrators");
        assertThat(request).isWaitingAt("Task_DevelopAndTestInQa");
    }

    @Test
    void withTheGateSwitchedOffTheRequestersWordIsTakenAndTheLogIsNotAsked() {
        ProcessInstance request = startAndIssueQaToken();

        completeAs("alice", task(request), Map.of("codeRepositoryUrl", "https://git.example.org/lab/export",
                "codeCommit", "3f2a9c1", "testSummary", "Ran the nightly export against QA for a week; 40 calls a night."));

        assertThat(gates(request, LedgerKind.QA_TESTED)).containsExactly("alice:null");
        verify(qaTokenUse, never()).observe(any());
    }

    private Job timer(ProcessInstance request, String timerId) {
        return managementService().createJobQuery().processInstanceId(request.getId()).activityId(timerId).singleResult();
    }

    /** Checks when the timer is due, moves the engine's clock there and fires it. */
    /** Tasklist shows the step's real deadline: the task is due when its deadline timer fires. */
    private void assertDueWhenItsDeadlineFires(ProcessInstance request, String taskKey, String deadlineTimerId) {
        Task task = taskService().createTaskQuery().processInstanceId(request.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task.getDueDate()).as("due date of " + taskKey).isEqualTo(timer(request, deadlineTimerId).getDuedate());
    }

    private void fire(ProcessInstance request, String timerId, Duration dueAfterStart) {
        Job timer = timer(request, timerId);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(START.plus(dueAfterStart)));
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    private static Object historicVariable(ProcessInstance instance, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }

    // The PI's consent (issue 13): in REDCap, or in Task_ApproveAsPi

    /** alice asks for export and import; her PI enabled only export on the production project (her role's rights). */
    ProcessInstance aliceWaitingForHerPi() {
        Map<String, Object> variables = validRequest();
        variables.put("rightImport", true);
        ProcessInstance request = startAs("alice", variables);
        checkEligibilityAndConsent(request);
        assertThat(request).isWaitingAt("Task_ApproveAsPi");
        reach(request, "Task_ApproveAsPi");
        return request;
    }

    static Map<String, Object> piAnswer(String decision, boolean export, boolean importData, String comments) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("piDecision", decision);
        answer.put("piApprovedExport", export);
        answer.put("piApprovedImport", importData);
        answer.put("piApprovedMobileApp", false);
        answer.put("piComments", comments);
        return answer;
    }

    @Test
    void rightsNotEnabledInRedcapWaitForThePiWhoSeesWhatIsMissing() {
        ProcessInstance request = aliceWaitingForHerPi();

        assertThat(task(request)).hasCandidateUser("pat").hasName("Consent to API access of alice on project 101");
        assertThat(taskService().getVariablesLocal(task(request).getId()))
                .containsEntry("piConsentMissing", "The PI of project 101 has not enabled API import for you (you are in "
                        + "the user role 'Data managers', whose rights apply to you).")
                .doesNotContainKeys("piApprovedExport", "piApprovedImport", "piApprovedMobileApp");
        assertThat(gates(request, LedgerKind.PI_CONSENT)).isEmpty();
        verify(notifier).send(org.mockito.ArgumentMatchers.argThat(mail ->
                mail.kind() == MailKind.REQUEST_WAITING_FOR_PI));
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
    }

    @Test
    void aPiWhoApprovesFewerRightsCapsEveryTokenOfTheRequest() {
        ProcessInstance request = aliceWaitingForHerPi();
        taskService().claim(task(request).getId(), "pat");
        completeAs("pat", task(request), piAnswer("APPROVED", true, false, "Export only for now."));

        assertThat(request).isWaitingAt("Task_IssueQaToken");
        issueInChild(request);
        verify(administration).create(RedcapEnvironment.QA, 201L, "alice", new TokenRights(true, false, false), "system");
        assertThat(gates(request, LedgerKind.PI_CONSENT)).containsExactly("pat:APPROVED");
        submitQaResults(request);
        review(request, "sam", "APPROVED", null);
        decide(request, "ada", "APPROVED", null);
        issueInChild(request);
        verify(administration).create(RedcapEnvironment.PROD, 101L, "alice", new TokenRights(true, false, false), "system");
    }

    @Test
    void aPiCannotApproveRightsNobodyRequestedNorApproveNothing() {
        ProcessInstance request = aliceWaitingForHerPi();
        Map<String, Object> mobileApp = piAnswer("APPROVED", true, false, null);
        mobileApp.put("piApprovedMobileApp", true);

        assertThatThrownBy(() -> completeAs("pat", task(request), mobileApp))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("You can approve only rights that were requested; the REDCap mobile app was not.");
        assertThatThrownBy(() -> completeAs("pat", task(request), piAnswer("APPROVED", false, false, null)))
                .hasMessageContaining("Approve at least one right, or refuse.");
        assertThatThrownBy(() -> completeAs("pat", task(request), piAnswer("REFUSED", false, false, null)))
                .hasMessageContaining("Comments is required");
        assertThat(request).isWaitingAt("Task_ApproveAsPi");
    }

    @Test
    void aPiWhoRefusesEndsTheRequestWithTheirReason() {
        ProcessInstance request = aliceWaitingForHerPi();
        completeAs("pat", task(request), piAnswer("REFUSED", false, false, "alice left the study team."));

        assertThat(request).isEnded().hasPassed("Task_CloseRefusedByPi", "EndEvent_RefusedByPi").hasNotPassed("Task_IssueQaToken");
        assertThat(closeRequest.lastCall()).containsEntry("requestOutcome", "REJECTED").containsEntry("outcomeReason",
                "The PI of project 101 did not consent to API access for you: alice left the study team.");
        assertThat(gates(request, LedgerKind.PI_CONSENT)).containsExactly("pat:REFUSED");
    }

    @Test
    void nobodyButThePisConsentsNeitherTheRequesterNorAnAdministrator() {
        ProcessInstance request = aliceWaitingForHerPi();

        for (String other : List.of("alice", "ada", "bob")) {
            assertThatThrownBy(() -> completeAs(other, task(request), piAnswer("APPROVED", true, true, null)))
                    .hasRootCauseInstanceOf(FourEyesViolationException.class);
            assertThatThrownBy(() -> taskService().claim(task(request).getId(), other))
                    .hasRootCauseInstanceOf(FourEyesViolationException.class);
        }
        assertThatThrownBy(() -> taskService().addCandidateUser(task(request).getId(), "alice"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThat(request).isWaitingAt("Task_ApproveAsPi");
        assertThat(gates(request, LedgerKind.PI_CONSENT)).isEmpty();
    }

    @Test
    void aPiWhoIsTheRequesterWaitsForAnotherPiOrTheAdministratorsAndOnlyPeopleWhoSignInArePis() {
        pis = List.of("alice", "pat", "tokengov_steward");
        ProcessInstance request = aliceWaitingForHerPi();
        assertThat(taskService().getIdentityLinksForTask(task(request).getId()))
                .as("neither the requester nor this system's own REDCap account, who signs in nowhere")
                .extracting(IdentityLink::getUserId).containsExactly("pat");
        runtimeService().deleteProcessInstance(request.getId(), "next case");

        pis = List.of("alice");
        ProcessInstance alone = aliceWaitingForHerPi();
        assertThat(task(alone)).hasCandidateUser("ada").hasCandidateUser("rita");
        assertThatThrownBy(() -> completeAs("alice", task(alone), piAnswer("APPROVED", true, true, null)))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("may not consent to their own API access");
        completeAs("ada", task(alone), piAnswer("APPROVED", true, true, null));
        assertThat(gates(alone, LedgerKind.PI_CONSENT)).containsExactly("ada:APPROVED");
    }

    @Test
    void rightsThePiEnablesInRedcapMeanwhileEndTheWaitWithoutTheTask() {
        ProcessInstance request = aliceWaitingForHerPi();
        when(redcap.findProjectUser(RedcapEnvironment.PROD, 101L, "alice"))
                .thenThrow(new RedcapUnavailableException("REDCap is down"));
        fire(request, "Timer_PiConsentRecheck", Duration.ofHours(1));
        assertThat(request).as("an outage waits for the next look, no incident").isWaitingAt("Task_ApproveAsPi");
        assertThat(runtimeService().createIncidentQuery().count()).isZero();

        doReturn(Optional.of(new RedcapProjectUser("alice", null, null, true, true, false, false,
                "Data managers"))).when(redcap).findProjectUser(RedcapEnvironment.PROD, 101L, "alice");
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofHours(2))));
        execute(timer(request, "Timer_PiConsentRecheck"));

        assertThat(request).hasPassed("Condition_PiConsentInRedcap").isWaitingAt("Task_IssueQaToken");
        assertThat(gates(request, LedgerKind.PI_CONSENT)).containsExactly("system:ENABLED_IN_REDCAP");
        issueInChild(request);
        verify(administration).create(RedcapEnvironment.QA, 201L, "alice", new TokenRights(true, true, false), "system");
    }

    @Test
    void aVariableThatClaimsConsentMovesTheDiagramButIssuesNothing() {
        ProcessInstance request = aliceWaitingForHerPi();
        runtimeService().setVariable(request.getId(), "piConsentInRedcap", true);

        assertThat(request).isEnded().hasPassed("Condition_PiConsentInRedcap", "EndEvent_RequestRefused");
        assertThat(closeRequest.lastCall()).containsEntry("outcomeReason",
                "the project's PI has not consented to API access for the requester");
        verify(administration, never()).create(any(), anyLong(), anyString(), any(), anyString());
    }

    @Test
    void pisAreRemindedAndAConsentNobodyGivesClosesTheRequest() {
        ProcessInstance request = aliceWaitingForHerPi();

        fire(request, "Timer_PiApprovalReminder", Duration.ofDays(3));
        assertThat(remindPis.calls()).hasSize(1);
        assertThat(request).isWaitingAt("Task_ApproveAsPi");
        assertDueWhenItsDeadlineFires(request, "Task_ApproveAsPi", "Timer_PiApprovalDeadline");
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(14))));
        execute(timer(request, "Timer_PiApprovalDeadline"));
        assertThat(request).isEnded().hasPassed("EndEvent_RequestTimedOut").hasNotPassed("Task_IssueQaToken");
    }

    @Test
    void withTheGateSwitchedOffTheLedgerSaysConsentWasNotRequired() {
        PiConsentProperties off = new PiConsentProperties(false, Duration.ofHours(1), Duration.ofDays(3), Duration.ofDays(14));
        Mocks.register("checkPiConsentDelegate", new CheckPiConsentDelegate(new PiConsents(new PiConsentCheck(redcap), off,
                ledger.ledger, audit, notifier), ledger.requests));
        Map<String, Object> variables = validRequest();
        variables.put("rightImport", true);
        ProcessInstance request = startAs("alice", variables);
        checkEligibilityAndConsent(request);

        assertThat(request).isWaitingAt("Task_IssueQaToken").hasNotPassed("Task_ApproveAsPi");
        assertThat(gates(request, LedgerKind.PI_CONSENT)).containsExactly("system:NOT_REQUIRED");
    }

    @Test
    void rightsThePiSwitchedOffInRedcapSinceTheRequestBeganAreNotSwitchedBackOnByTheProductionToken() {
        ProcessInstance request = startAndIssueQaToken();
        submitQaResults(request);
        review(request, "sam", "APPROVED", null);
        when(redcap.findProjectUser(RedcapEnvironment.PROD, 101L, "alice")).thenReturn(Optional.of(
                new RedcapProjectUser("alice", null, null, false, false, false, false)));
        decide(request, "ada", "APPROVED", null);
        execute(job("Task_WriteTokenToRedcap", calledProcessInstance(request)));

        assertThat(request).isEnded().hasPassed("EndEvent_RequestRefused");
        assertThat(closeRequest.lastCall()).containsEntry("outcomeReason",
                "the PI of project 101 no longer enables API export for the requester in REDCap");
        verify(administration, never()).create(eq(RedcapEnvironment.PROD), anyLong(), anyString(), any(), anyString());
        assertThat(gates(request, LedgerKind.PI_CONSENT)).containsExactly("system:ENABLED_IN_REDCAP", "system:WITHDRAWN_IN_REDCAP");
    }
}
