package org.tokengov.requestbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.audit.AuditTrail;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.BpmnTestEngine;
import org.tokengov.testsupport.RecordingDelegate;
import org.tokengov.testsupport.TestPeople;
import org.tokengov.usertask.FourEyes;
import org.tokengov.usertask.FourEyesViolationException;

/**
 * Every path of RequestButtonProcess: a requester who may not request (row archived at once), the survey answered by
 * the requester (a token request started in their name, then the row closed when it is decided), the survey offered
 * to nobody else, the project kept, and the deadline (row archived).
 */
@Deployment(resources = {"bpmn/RequestButtonProcess.bpmn", "forms/token-request.form"})
class RequestButtonProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    boolean entitled = true;
    RecordingDelegate check = new RecordingDelegate(execution -> {
        execution.setVariable(RequestButtonVariables.REQUESTER_ENTITLED, entitled);
        execution.setVariable(RequestButtonVariables.NOT_ENTITLED_REASON, entitled ? null : "not in api-requesters");
    });
    RecordingDelegate close = new RecordingDelegate();
    TakenRows rows = mock(TakenRows.class);
    AuditTrail audit = mock(AuditTrail.class);
    Map<String, TakenRow> taken = new HashMap<>();
    String deploymentOfRequestStub;

    @BeforeEach
    void mocks() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        TestPeople.create(identityService());
        when(rows.ofProcess(anyString())).thenAnswer(call -> Optional.ofNullable(taken.get(call.<String>getArgument(0))));
        doAnswer(call -> {
            TakenRow row = taken.get(call.<String>getArgument(0));
            taken.put(row.processInstanceId(), new TakenRow(row.environment(), row.todoRequestId(), row.projectId(),
                    row.requester(), row.processInstanceId(), call.getArgument(1)));
            return null;
        }).when(rows).answered(anyString(), anyString());
        Mocks.register("checkButtonRequesterDelegate", check);
        Mocks.register("closeTodoRowDelegate", close);
        Mocks.register("completeTokenRequestListener", new CompleteTokenRequestListener(new FourEyes(audit),
                TestPeople.candidates(identityService(), managementService()), rows, audit));
        Mocks.register("requestButtonSchedule", new RequestButtonSchedule(
                new RequestButtonProperties(true, Duration.ofMinutes(5), Duration.ofDays(30))));
        // TokenRequestProcess as far as this test needs it: its start records the authenticated starter.
        deploymentOfRequestStub = repositoryService().createDeployment().addModelInstance("TokenRequestProcess.bpmn",
                Bpmn.createExecutableProcess("TokenRequestProcess").startEvent().camundaInitiator("requester")
                        .userTask("Task_Stub").endEvent().done()).deploy().getId();
    }

    @AfterEach
    void reset() {
        identityService().clearAuthentication();
        repositoryService().deleteDeployment(deploymentOfRequestStub, true);
        TestPeople.remove(identityService());
        Mocks.reset();
        ClockUtil.reset();
    }

    /** As the poll starts it, for alice's request on PROD project 101 (to-do 17). */
    ProcessInstance pressed(RedcapEnvironment environment, long projectId) {
        ProcessInstance process = runtimeService().startProcessInstanceByKey(RequestButtonVariables.PROCESS,
                RequestButtonVariables.businessKey(environment.name(), 17), Variables.createVariables()
                        .putValue(RequestButtonVariables.ENVIRONMENT, environment.name())
                        .putValue(RequestButtonVariables.PROJECT_ID, projectId)
                        .putValue(RequestButtonVariables.TODO_REQUEST_ID, 17L)
                        .putValue(RequestButtonVariables.REQUESTER, "alice"));
        taken.put(process.getId(), new TakenRow(environment, 17, projectId, "alice", process.getId(), null));
        assertThat(process).isWaitingAt("Task_CheckRequester");
        execute(job());
        return process;
    }

    static Map<String, Object> survey(long productionProjectId, long qaProjectId) {
        return Variables.createVariables().putValue("productionProjectId", productionProjectId)
                .putValue("qaProjectId", qaProjectId).putValue("rightExport", true).putValue("rightImport", false)
                .putValue("rightMobileApp", false).putValue("fairUseAccepted", true)
                .putValue("intendedUse", "SCHEDULED_EXPORT")
                .putValue("usageDescription", "Nightly export of new visits for the dashboard.")
                .putValue("callSchedule", "Nightly at 02:00").putValue("expectedCallsPerDay", 10L);
    }

    void completeAs(String user, Map<String, Object> variables) {
        as(user, () -> taskService().complete(task().getId(), variables));
    }

    /** As Tasklist sends a Camunda Form: the values go through the task, not straight to the process. */
    void submitFormAs(String user, Map<String, Object> variables) {
        as(user, () -> formService().submitTaskForm(task().getId(), variables));
    }

    void as(String user, Runnable action) {
        identityService().setAuthentication(user, identityService().createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
        try {
            action.run();
        } finally {
            identityService().clearAuthentication();
        }
    }

    ProcessInstance startedRequest() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("TokenRequestProcess").singleResult();
    }

    @Test
    void aRequesterWhoMayNotRequestTokensHasTheirToDoRowArchivedAtOnce() {
        entitled = false;
        ProcessInstance process = pressed(RedcapEnvironment.PROD, 101);

        assertThat(process).isWaitingAt("Task_ArchiveNotEntitled");
        execute(job());
        assertThat(process).hasPassed("Task_ArchiveNotEntitled").isEnded();
        assertThat(process).hasNotPassed("Task_CompleteTokenRequest");
        assertThat(close.lastCall()).containsEntry(RequestButtonVariables.TODO_OUTCOME, "NOT_ENTITLED")
                .containsEntry(RequestButtonVariables.NOT_ENTITLED_REASON, "not in api-requesters");
    }

    @Test
    void theRequesterCompletesTheSurveyWhichStartsTheirRequestAndTheRowClosesWhenItIsDecided() {
        ProcessInstance process = pressed(RedcapEnvironment.PROD, 101);

        assertThat(process).isWaitingAt("Task_CompleteTokenRequest");
        assertThat(task()).isAssignedTo("alice").hasName("Request an API token for REDCap PROD project 101 (REDCap's"
                + " request button)");
        assertThat(taskService().getVariable(task().getId(), "productionProjectId")).as("prefilled").isEqualTo(101L);

        completeAs("alice", survey(101, 201));

        ProcessInstance request = startedRequest();
        assertThat(request).as("a token request, started in alice's name").isNotNull();
        assertThat(runtimeService().getVariables(request.getId())).containsEntry("requester", "alice")
                .containsEntry("productionProjectId", 101L).containsEntry("qaProjectId", 201L)
                .containsEntry("usageDescription", "Nightly export of new visits for the dashboard.")
                .containsOnlyKeys("requester", "productionProjectId", "qaProjectId", "rightExport", "rightImport",
                        "rightMobileApp", "fairUseAccepted", "intendedUse", "usageDescription", "callSchedule",
                        "expectedCallsPerDay");
        assertThat(taken.get(process.getId()).tokenRequestId()).isEqualTo(request.getId());
        assertThat(process).isWaitingAt("Event_RequestDecided")
                .variables().containsEntry(RequestButtonVariables.TOKEN_REQUEST_ID, request.getId());

        runtimeService().createMessageCorrelation(RequestButtonVariables.MSG_REQUEST_DECIDED)
                .processInstanceId(process.getId()).correlate();
        assertThat(process).isWaitingAt("Task_CloseDecidedTodo");
        execute(job());
        assertThat(process).hasPassed("Task_CloseDecidedTodo").isEnded();
        assertThat(close.lastCall()).containsEntry(RequestButtonVariables.TODO_OUTCOME, "DECIDED");
    }

    @Test
    void aQaRowPrefillsTheQaProjectAndTheRequesterFillsInTheProductionProject() {
        ProcessInstance process = pressed(RedcapEnvironment.QA, 201);
        assertThat(taskService().getVariable(task().getId(), "qaProjectId")).isEqualTo(201L);
        assertThat(taskService().getVariable(task().getId(), "productionProjectId")).isNull();

        submitFormAs("alice", survey(101, 201));

        assertThat(runtimeService().getVariables(startedRequest().getId())).containsEntry("qaProjectId", 201L)
                .containsEntry("productionProjectId", 101L);
        assertThat(process).isWaitingAt("Event_RequestDecided");
    }

    @Test
    void nobodyElseClaimsOrCompletesTheSurvey() {
        ProcessInstance process = pressed(RedcapEnvironment.PROD, 101);
        String survey = task().getId();

        assertThatThrownBy(() -> taskService().setAssignee(survey, "bob"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("only alice, who pressed REDCap's request button");
        assertThatThrownBy(() -> taskService().addCandidateUser(survey, "bob"))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThatThrownBy(() -> completeAs("bob", survey(101, 201)))
                .hasRootCauseInstanceOf(FourEyesViolationException.class);

        assertThat(task()).isAssignedTo("alice");
        assertThat(startedRequest()).isNull();
        assertThat(process).isWaitingAt("Task_CompleteTokenRequest");
    }

    @Test
    void theSurveyKeepsTheProjectWhereTheButtonWasPressed() {
        ProcessInstance process = pressed(RedcapEnvironment.PROD, 101);

        assertThatThrownBy(() -> completeAs("alice", survey(102, 201)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("keep 101 as its production project id");
        assertThatThrownBy(() -> submitFormAs("alice", survey(102, 201)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("keep 101 as its production project id");

        assertThat(startedRequest()).isNull();
        assertThat(process).isWaitingAt("Task_CompleteTokenRequest");
    }

    @Test
    void anUnansweredSurveyIsArchivedAfterTheDeadline() {
        ProcessInstance process = pressed(RedcapEnvironment.PROD, 101);
        assertThat(process).isWaitingAt("Task_CompleteTokenRequest");
        assertThat(managementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult()
                .getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(30)).plusSeconds(1)));
        execute(managementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult());

        assertThat(process).isWaitingAt("Task_ArchiveUnanswered");
        execute(job());
        assertThat(process).hasPassed("Task_ArchiveUnanswered").isEnded();
        assertThat(process).hasNotPassed("Event_RequestDecided");
        assertThat(close.lastCall()).containsEntry(RequestButtonVariables.TODO_OUTCOME, "UNANSWERED");
        assertThat(startedRequest()).isNull();
    }
}
