package org.tokengov.attestation;

import org.tokengov.usertask.DueDates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.RecordingDelegate;

/**
 * Every path of PolicyAttestationProcess: the yearly timer start, holders found (a holder who renewed is not asked:
 * the finder leaves them out), the attested path, reminders, and the deadline revoking the holders who did not attest.
 * Deployed by hand after the mocks are registered: the timer start event's cycle is an expression read at deployment.
 */
class PolicyAttestationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");
    static final AttestationProperties PROPERTIES = new AttestationProperties("R/2027-01-15T09:00:00Z/P1Y",
            Duration.ofDays(30), Duration.ofDays(7), Period.ofYears(1));

    /** Stands in for the attestation records: who was asked, who attested. */
    List<String> holdersToAsk = new ArrayList<>(List.of("alice", "bob"));
    List<String> attested = new ArrayList<>();
    RecordingDelegate finder = new RecordingDelegate(execution -> {
        execution.setVariable(PolicyAttestationVariables.CAMPAIGN_STARTED_AT, new Date(ClockUtil.getCurrentTime().getTime()));
        execution.setVariable(PolicyAttestationVariables.HOLDERS_TO_ATTEST, String.join(",", holdersToAsk));
    });
    List<String> reminded = new ArrayList<>();
    RecordingDelegate reminders = new RecordingDelegate(execution -> PolicyAttestationVariables.holders(execution).stream()
            .filter(h -> !attested.contains(h)).forEach(reminded::add));
    List<String> revoked = new ArrayList<>();
    RecordingDelegate revocations = new RecordingDelegate(execution -> PolicyAttestationVariables.holders(execution).stream()
            .filter(h -> !attested.contains(h)).forEach(revoked::add));
    String deploymentId;

    @BeforeEach
    void deployWithMocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("attestationTimes", new AttestationTimes(PROPERTIES));
        Mocks.register("dueDates", new DueDates());
        Mocks.register("attestationCampaignHolders", new AttestationCampaignHolders());
        Mocks.register("findHoldersToAttestDelegate", finder);
        Mocks.register("remindHoldersToAttestDelegate", reminders);
        Mocks.register("revokeUnattestedTokensDelegate", revocations);
        Mocks.register("attestationTaskListener", (TaskListener) this::attestationListener);
        deploymentId = repositoryService().createDeployment().addClasspathResource("bpmn/PolicyAttestationProcess.bpmn")
                .deploy().getId();
    }

    /** The listener's engine-side rule, without the database: completing needs policyAttested = true. */
    void attestationListener(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("liveTokens", "QA project 201: export");
            return;
        }
        if (!Boolean.TRUE.equals(task.getVariable("policyAttested"))) {
            throw new FormFieldValidationException("policy-attestation", "confirm the policy");
        }
        attested.add((String) task.getVariable("holder"));
    }

    @AfterEach
    void cleanUp() {
        repositoryService().deleteDeployment(deploymentId, true);
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void theCampaignTimerStartsOnTheConfiguredYearlyCycle() {
        Job start = managementService().createJobQuery().timers().singleResult();
        assertThat(start.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-01-15T09:00:00Z")));

        ProcessInstance campaign = runCampaignStart();

        assertThat(campaign).isWaitingAt("Task_AttestPolicy");
        assertThat(finder.calls()).hasSize(1);
        Job next = managementService().createJobQuery().timers().activityId("StartEvent_AttestationCampaignDue").singleResult();
        assertThat(next.getDuedate()).as("next year's campaign").isEqualTo(Date.from(Instant.parse("2028-01-15T09:00:00Z")));
    }

    @Test
    void oneTaskPerHolderAssignedToThem() {
        ProcessInstance campaign = runCampaignStart();

        List<Task> tasks = taskService().createTaskQuery().processInstanceId(campaign.getId()).list();
        assertThat(tasks).extracting(Task::getAssignee).containsExactlyInAnyOrder("alice", "bob");
        assertThat(tasks).allMatch(t -> "Task_AttestPolicy".equals(t.getTaskDefinitionKey()));
        assertThat(taskService().getVariableLocal(tasks.get(0).getId(), "liveTokens")).isNotNull();
    }

    @Test
    void aHolderWhoRenewedWithinThePeriodIsNotAsked() {
        holdersToAsk.remove("bob");
        ProcessInstance campaign = runCampaignStart();

        assertThat(taskService().createTaskQuery().processInstanceId(campaign.getId()).list())
                .extracting(Task::getAssignee).containsExactly("alice");
    }

    @Test
    void noHolderToAskEndsTheCampaignAtOnce() {
        holdersToAsk.clear();
        runCampaignStart();

        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_AllAttested").count())
                .isEqualTo(1);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("PolicyAttestationProcess").count())
                .isZero();
    }

    @Test
    void everyHolderAttestsAndTheCampaignEnds() {
        ProcessInstance campaign = runCampaignStart();

        attest(campaign, "alice");
        assertThat(campaign).isWaitingAt("Task_AttestPolicy");
        attest(campaign, "bob");

        assertThat(campaign).isEnded().hasPassed("EndEvent_AllAttested").hasNotPassed("Task_RevokeUnattestedTokens");
        assertThat(attested).containsExactly("alice", "bob");
    }

    @Test
    void completingWithoutTheConfirmationIsRefusedAndOneHoldersAnswerDoesNotCountForAnother() {
        ProcessInstance campaign = runCampaignStart();
        Task bobs = taskOf(campaign, "bob");

        assertThatThrownBy(() -> taskService().complete(bobs.getId(), Map.of("policyAttested", false)))
                .hasMessageContaining("confirm the policy");
        attest(campaign, "alice");
        assertThatThrownBy(() -> taskService().complete(bobs.getId()))
                .as("alice's confirmation is local to her task").hasMessageContaining("confirm the policy");
        assertThat(attested).containsExactly("alice");
    }

    @Test
    void holdersWhoHaveNotAttestedAreReminded() {
        ProcessInstance campaign = runCampaignStart();
        attest(campaign, "alice");

        fire(campaign, "Timer_AttestationReminder", Duration.ofDays(7));

        assertThat(reminded).containsExactly("bob");
        assertThat(campaign).isWaitingAt("Task_AttestPolicy");
        assertThat(managementService().createJobQuery().processInstanceId(campaign.getId())
                .activityId("Timer_AttestationReminder").count()).as("the reminder repeats").isEqualTo(1);
    }

    @Test
    void theDeadlineRevokesTheTokensOfHoldersWhoDidNotAttest() {
        ProcessInstance campaign = runCampaignStart();
        attest(campaign, "alice");
        Date deadline = managementService().createJobQuery().processInstanceId(campaign.getId())
                .activityId("Timer_AttestationDeadline").singleResult().getDuedate();
        assertThat(taskService().createTaskQuery().processInstanceId(campaign.getId()).list())
                .as("Tasklist shows each holder the campaign's deadline").isNotEmpty()
                .allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(deadline));

        fire(campaign, "Timer_AttestationDeadline", Duration.ofDays(30));
        assertThat(campaign).isWaitingAt("Task_RevokeUnattestedTokens");
        Job revoke = managementService().createJobQuery().processInstanceId(campaign.getId()).singleResult();
        managementService().executeJob(revoke.getId());

        assertThat(revoked).containsExactly("bob");
        assertThat(campaign).isEnded().hasPassed("EndEvent_UnattestedRevoked");
        assertThat(taskService().createTaskQuery().processInstanceId(campaign.getId()).count()).isZero();
    }

    private ProcessInstance runCampaignStart() {
        Job start = managementService().createJobQuery().timers().activityId("StartEvent_AttestationCampaignDue").singleResult();
        ClockUtil.setCurrentTime(start.getDuedate());
        managementService().executeJob(start.getId());
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("PolicyAttestationProcess").singleResult();
    }

    private Task taskOf(ProcessInstance campaign, String holder) {
        return taskService().createTaskQuery().processInstanceId(campaign.getId()).taskAssignee(holder).singleResult();
    }

    private void attest(ProcessInstance campaign, String holder) {
        taskService().complete(taskOf(campaign, holder).getId(), Map.of("policyAttested", true));
    }

    private void fire(ProcessInstance campaign, String timerId, Duration after) {
        Job timer = managementService().createJobQuery().processInstanceId(campaign.getId()).activityId(timerId).singleResult();
        assertThat(timer).as(timerId).isNotNull();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(after)));
        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());
    }
}
