package org.tokengov.sponsorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.tokengov.sponsorship.SponsorReplacementVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
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
import org.tokengov.identity.PeopleDirectory;
import org.tokengov.identity.Person;
import org.tokengov.identity.ServiceAccountRule;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.audit.AuditTrail;
import org.tokengov.issuance.IssuanceBeans;
import org.tokengov.ledger.CaseRef;
import org.tokengov.ledger.LedgerEntry;
import org.tokengov.ledger.LedgerKind;
import org.tokengov.notification.Notifier;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.InMemoryLedger;
import org.tokengov.testsupport.TestPeople;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyesViolationException;
import org.tokengov.usertask.TaskCandidates;
import org.tokengov.testsupport.RecordingDelegate;

/**
 * Every path of SponsorReplacementProcess: the hold as a job of its own, the naming task for the PIs and the REDCap
 * administrators, a refused and an accepted new sponsor, the deadline, and a REDCap outage during the hold.
 */
@Deployment(resources = {"bpmn/SponsorReplacementProcess.bpmn", "forms/new-sponsor.form"})
class SponsorReplacementProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration DEADLINE = Duration.ofDays(14);

    String sponsorCandidates = "pia,pib";
    RuntimeException holdFailure;
    RecordingDelegate hold = new RecordingDelegate(execution -> {
        if (holdFailure != null) {
            throw holdFailure;
        }
        execution.setVariable(HELD_TOKEN_IDS, "token-prod,token-qa");
        execution.setVariable(TOKEN_PROJECTS, "PROD 101, QA 201");
        execution.setVariable(SPONSOR_CANDIDATES, sponsorCandidates);
    });
    RecordingDelegate record = new RecordingDelegate();
    SponsoredTokens tokens = mock(SponsoredTokens.class);
    InMemoryLedger ledger = new InMemoryLedger();
    AuditTrail audit = mock(AuditTrail.class);
    RecordingDelegate revoke = new RecordingDelegate();
    PeopleDirectory people = mock(PeopleDirectory.class);

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        when(people.find("rita")).thenReturn(Optional.of(new Person("rita", "rita@example.org", "Rita", true, false, false, null)));
        when(people.find("eve")).thenReturn(Optional.of(new Person("eve", "eve@example.org", "Eve", true, false, true, null)));
        Mocks.register("sponsorReplacementTimes", new SponsorReplacementTimes(new SponsorshipProperties(DEADLINE)));
        Mocks.register("newSponsorCandidates", new NewSponsorCandidates());
        TestPeople.create(identityService());
        NewSponsorRule rule = new NewSponsorRule(people, new ServiceAccountRule(NewSponsorRuleTest.IDENTITY));
        Mocks.register("nameNewSponsorListener", new NameNewSponsorListener(rule, ledger.ledger, new FourEyes(audit),
                TestPeople.candidates(identityService(), managementService())));
        Mocks.register("holdSponsoredTokensDelegate", hold);
        Mocks.register("recordNewSponsorDelegate", record);
        Mocks.register("releaseSponsoredTokensDelegate", new ReleaseSponsoredTokensDelegate(new NewSponsorGate(ledger.ledger,
                rule, IssuanceBeans.refusals(ledger.ledger, audit, mock(Notifier.class))), tokens, ledger.ledger));
        Mocks.register("revokeSponsoredTokensDelegate", revoke);
    }

    @AfterEach
    void reset() {
        identityService().clearAuthentication();
        TestPeople.remove(identityService());
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS, businessKey("evt-1", "erin"),
                Map.of(EXTERNAL, "erin", DEPARTED_SPONSOR, "pat", OFFBOARDING_EVENT_ID, "evt-1"));
    }

    ProcessInstance startAndHold() {
        ProcessInstance replacement = start();
        managementService().executeJob(job(replacement, "Task_HoldSponsoredTokens").getId());
        return replacement;
    }

    Job job(ProcessInstance replacement, String activityId) {
        Job job = managementService().createJobQuery().processInstanceId(replacement.getId()).activityId(activityId)
                .singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        return job;
    }

    Task namingTask() {
        Task naming = taskService().createTaskQuery().taskDefinitionKey("Task_NameNewSponsor").singleResult();
        assertThat(naming).as("the naming task").isNotNull();
        return naming;
    }

    void completeAs(String user, Map<String, Object> variables) {
        identityService().setAuthentication(user, List.of("redcap-admins"));
        try {
            taskService().complete(namingTask().getId(), variables);
        } finally {
            identityService().clearAuthentication();
        }
    }

    @Test
    void theHoldIsAJobOfItsOwnSoTheCallerIsNotHeldUpByRedcap() {
        ProcessInstance replacement = start();

        assertThat(replacement).isWaitingAt("Task_HoldSponsoredTokens");
        assertThat(hold.calls()).isEmpty();
    }

    @Test
    void afterTheHoldThePisAndTheAdminsAreAskedToNameASponsorByTheDeadline() throws Exception {
        ProcessInstance replacement = startAndHold();

        assertThat(replacement).isWaitingAt("Task_NameNewSponsor");
        assertThat(hold.lastCall()).containsEntry(EXTERNAL, "erin").containsEntry(DEPARTED_SPONSOR, "pat");
        Task naming = namingTask();
        assertThat(naming.getName()).isEqualTo("Name a new sponsor for erin (REDCap project PROD 101, QA 201)");
        assertThat(naming).hasCandidateUser("pia").hasCandidateUser("pib").hasCandidateGroup("redcap-admins");
        assertThat(naming.getDueDate()).isEqualTo(Date.from(NOW.plus(DEADLINE)));
        assertThat(job(replacement, "Timer_SponsorDeadline").getDuedate()).isEqualTo(Date.from(NOW.plus(DEADLINE)));
        try (var form = formService().getDeployedTaskForm(naming.getId())) {
            assertThat(new String(form.readAllBytes())).contains("\"id\": \"new-sponsor\"", "\"key\": \"newSponsor\"");
        }
    }

    @Test
    void withoutAPiBesidesTheSponsorWhoLeftOnlyTheAdminsSeeTheTask() {
        sponsorCandidates = "";
        startAndHold();

        List<IdentityLink> links = taskService().getIdentityLinksForTask(namingTask().getId());
        assertThat(links).extracting(IdentityLink::getUserId).containsOnlyNulls();
        assertThat(links).extracting(IdentityLink::getGroupId).containsExactly("redcap-admins");
    }

    @Test
    void aValidNewSponsorIsRecordedAndThenTheHeldTokensAreReleased() {
        ProcessInstance replacement = startAndHold();

        completeAs("ada", Map.of(NEW_SPONSOR, " rita "));

        assertThat(replacement).as("the identity store is written in a retried step").isWaitingAt("Task_RecordNewSponsor");
        managementService().executeJob(job(replacement, "Task_RecordNewSponsor").getId());
        assertThat(record.lastCall()).containsEntry(NEW_SPONSOR, "rita").containsEntry(NEW_SPONSOR_NAMED_BY, "ada")
                .containsEntry(EXTERNAL, "erin").containsEntry(DEPARTED_SPONSOR, "pat");
        assertThat(replacement).isWaitingAt("Task_ReleaseSponsoredTokens");
        verify(tokens, never()).release(any(), any(), any());
        managementService().executeJob(job(replacement, "Task_ReleaseSponsoredTokens").getId());

        verify(tokens).release("erin", List.of("token-prod", "token-qa"), "rita");
        assertThat(ledger.entriesOf(CaseRef.sponsorReplacement("evt-1:erin"))).extracting(LedgerEntry::kind, LedgerEntry::actor,
                LedgerEntry::subject).containsExactly(tuple(LedgerKind.NEW_SPONSOR_NAMED, "ada", "rita"),
                tuple(LedgerKind.SPONSORED_TOKENS_RELEASED, "system", "rita"));
        assertThat(replacement).isEnded().hasPassedInOrder("StartEvent_SponsorLeft", "Task_HoldSponsoredTokens",
                "Task_NameNewSponsor", "Task_RecordNewSponsor", "Task_ReleaseSponsoredTokens", "EndEvent_SponsorReplaced");
        assertThat(replacement).hasNotPassed("Task_RevokeSponsoredTokens");
        assertThat(revoke.calls()).isEmpty();
    }

    @Test
    void anInvalidNewSponsorIsRefusedAndTheTaskStays() {
        ProcessInstance replacement = startAndHold();
        String taskId = namingTask().getId();

        assertThatThrownBy(() -> completeAs("ada", Map.of(NEW_SPONSOR, "eve")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("'eve' is an external user");
        assertThatThrownBy(() -> completeAs("ada", Map.of(NEW_SPONSOR, "pat")))
                .hasMessageContaining("'pat' is the sponsor who left");
        assertThatThrownBy(() -> completeAs("ada", Map.of(NEW_SPONSOR, "erin")))
                .hasMessageContaining("'erin' cannot sponsor themselves");
        assertThatThrownBy(() -> completeAs("ada", Map.of(NEW_SPONSOR, "nobody")))
                .hasMessageContaining("No person 'nobody' exists");
        assertThatThrownBy(() -> completeAs("ada", Map.of()))
                .hasMessageContaining("Name the new sponsor's username");

        assertThat(replacement).isWaitingAt("Task_NameNewSponsor");
        assertThat(namingTask().getId()).isEqualTo(taskId);
        assertThat(runtimeService().getVariable(replacement.getId(), NEW_SPONSOR)).as("a refusal changes nothing").isNull();
        assertThat(record.calls()).isEmpty();
    }

    @Test
    void theExternalCannotNameTheirOwnSponsor() {
        startAndHold();

        assertThatThrownBy(() -> completeAs("erin", Map.of(NEW_SPONSOR, "rita")))
                .hasRootCauseInstanceOf(FourEyesViolationException.class).hasMessageContaining("it concerns them");
        assertThatThrownBy(() -> taskService().addCandidateUser(namingTask().getId(), "erin"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
    }

    @Test
    void tokensAreNotReleasedWithoutANewSponsorOnTheLedger() {
        ProcessInstance replacement = startAndHold();
        runtimeService().createProcessInstanceModification(replacement.getId()).cancelAllForActivity("Task_NameNewSponsor")
                .startBeforeActivity("Task_ReleaseSponsoredTokens").setVariable(NEW_SPONSOR, "rita").execute();
        managementService().executeJob(job(replacement, "Task_ReleaseSponsoredTokens").getId());

        assertThat(replacement).isEnded().hasPassed("EndEvent_ReleaseRefused").hasNotPassed("EndEvent_SponsorReplaced");
        verify(tokens, never()).release(any(), any(), any());
        assertThat(ledger.entriesOf(CaseRef.sponsorReplacement("evt-1:erin"))).extracting(LedgerEntry::kind)
                .containsExactly(LedgerKind.ISSUANCE_REFUSED);
    }

    @Test
    void noNewSponsorByTheDeadlineRevokesTheTokens() {
        ProcessInstance replacement = startAndHold();
        Job deadline = job(replacement, "Timer_SponsorDeadline");

        ClockUtil.setCurrentTime(deadline.getDuedate());
        managementService().executeJob(deadline.getId());

        assertThat(replacement).isWaitingAt("Task_RevokeSponsoredTokens");
        assertThat(taskService().createTaskQuery().processInstanceId(replacement.getId()).count()).isZero();
        managementService().executeJob(job(replacement, "Task_RevokeSponsoredTokens").getId());
        assertThat(revoke.lastCall()).containsEntry(EXTERNAL, "erin");
        assertThat(replacement).isEnded().hasPassed("Timer_SponsorDeadline", "EndEvent_TokensRevoked")
                .hasNotPassed("Task_RecordNewSponsor", "Task_ReleaseSponsoredTokens");
    }

    @Test
    void aRedcapOutageDuringTheHoldBecomesRetriesThenAnIncident() {
        holdFailure = new RedcapUnavailableException("REDCap PROD answered 500");
        ProcessInstance replacement = start();
        Job holdJob = job(replacement, "Task_HoldSponsoredTokens");

        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                managementService().executeJob(holdJob.getId());
            } catch (RuntimeException expected) {
                // the job executor would record it and retry
            }
        }

        List<Incident> incidents = runtimeService().createIncidentQuery().processInstanceId(replacement.getId()).list();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo("Task_HoldSponsoredTokens");
            assertThat(incident.getIncidentMessage()).contains("REDCap PROD answered 500");
        });
        assertThat(replacement).isWaitingAt("Task_HoldSponsoredTokens");
        assertThat(taskService().createTaskQuery().processInstanceId(replacement.getId()).count()).isZero();

        holdFailure = null;
        managementService().setJobRetries(holdJob.getId(), 1);
        managementService().executeJob(holdJob.getId());
        assertThat(replacement).isWaitingAt("Task_NameNewSponsor");
    }
}
