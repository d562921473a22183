package org.tokengov.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.identity.ContractGroups;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.redcap.RedcapUnavailableException;
import org.tokengov.redcap.TokenRights;
import org.tokengov.testsupport.BpmnTestEngine;

/**
 * Every path of AccessReviewProcess with the real delegates, listener and schedule, and the review service mocked:
 * the quarterly timer start, one task per project for its PIs (the administrators when it has none), keeping everyone,
 * revoking one, refused answers, the reminder and the escalation timers, and a REDCap outage while finding the PIs.
 * Deployed by hand after the mocks are registered: the timer start event's cycle is an expression read at deployment.
 */
class AccessReviewProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final AccessReviewProperties PROPERTIES =
            new AccessReviewProperties("0 0 7 1 1,4,7,10 ?", Duration.ofDays(14), Duration.ofDays(7));
    static final ReviewedProject PROD_101 = new ReviewedProject(RedcapEnvironment.PROD, 101);
    static final ReviewedProject QA_201 = new ReviewedProject(RedcapEnvironment.QA, 201);

    /** What the registry and REDCap say: projects with live tokens, their PIs and holders. */
    final List<String> projects = new ArrayList<>(List.of("PROD:101", "QA:201"));
    final Map<ReviewedProject, AccessReviews.ProjectAccess> access = new HashMap<>(Map.of(
            PROD_101, new AccessReviews.ProjectAccess(List.of("pat"), List.of("alice", "bob"),
                    "alice: token issued 2026-01-05, never used\nbob: token issued 2026-01-06, last used 2026-03-01"),
            QA_201, new AccessReviews.ProjectAccess(List.of("pat", "rita"), List.of("bob", "carol"),
                    "bob: token issued 2026-01-02, never used\ncarol: token issued 2026-01-03, never used")));
    final AccessReviews reviews = mock(AccessReviews.class);
    final MinimumNecessaryAccess rights = mock(MinimumNecessaryAccess.class);
    final ProjectAccessEndings endings = mock(ProjectAccessEndings.class);
    static final TokenRights EXPORT_AND_IMPORT = new TokenRights(true, true, false);
    static final TokenRights EXPORT_ONLY = new TokenRights(true, false, false);
    String deploymentId;

    public static class Projects {
        private final List<String> keys;

        Projects(List<String> keys) {
            this.keys = keys;
        }

        public List<String> withLiveTokens() {
            return keys;
        }
    }

    @BeforeEach
    void deployWithMocks() {
        // An integration test's engine may live in the same JVM (-Dtest='AccessReview*'): assert this one.
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        when(reviews.find(any())).thenAnswer(call -> {
            AccessReviews.ProjectAccess answer = access.get(call.getArgument(0));
            if (answer == null) {
                throw new RedcapUnavailableException("REDCap QA did not answer");
            }
            return answer;
        });
        doAnswer(call -> {
            taskService().addCandidateGroup(call.getArgument(2), ContractGroups.ADMINS);
            return null;
        }).when(reviews).escalate(any(), anyList(), anyString());
        Mocks.register("accessReviewSchedule", new AccessReviewSchedule(PROPERTIES));
        Mocks.register("accessReviewProjects", new Projects(projects));
        when(rights.list(any(), anyList())).thenAnswer(call -> {
            Map<String, TokenRights> enabled = new LinkedHashMap<>();
            List<String> holders = call.getArgument(1);
            holders.forEach(holder -> enabled.put(holder, EXPORT_AND_IMPORT));
            return new MinimumNecessaryAccess.Listing(new HolderRights(enabled), "export enabled, last used 2026-03-01");
        });
        Mocks.register("findProjectPisDelegate", new FindProjectPisDelegate(reviews, rights));
        Mocks.register("accessReviewTaskListener", new AccessReviewTaskListener(reviews));
        Mocks.register("applyAccessDecisionsDelegate", new ApplyAccessDecisionsDelegate(reviews, endings));
        Mocks.register("remindProjectPisDelegate", new RemindProjectPisDelegate(reviews));
        Mocks.register("escalateAccessReviewDelegate", new EscalateAccessReviewDelegate(reviews));
        Mocks.register("reduceApiRightsDelegate", new ReduceApiRightsDelegate(rights));
        deploymentId = repositoryService().createDeployment().addClasspathResource("bpmn/AccessReviewProcess.bpmn")
                .addClasspathResource("forms/access-review.form").deploy().getId();
    }

    @AfterEach
    void cleanUp() {
        identityService().clearAuthentication();
        repositoryService().deleteDeployment(deploymentId, true);
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void theTimerStartsAReviewAt7OnTheFirstDayOfEachQuarter() {
        Job start = startTimer();
        assertThat(LocalDateTime.ofInstant(start.getDuedate().toInstant(), ZoneId.systemDefault()))
                .isEqualTo(LocalDateTime.of(2026, 4, 1, 7, 0));

        ProcessInstance review = fireStartTimer();

        assertThat(review).isWaitingAt("Task_FindProjectPis");
        assertThat(managementService().createJobQuery().processInstanceId(review.getId()).count())
                .as("one asynchronous REDCap lookup per project").isEqualTo(2);
        assertThat(LocalDateTime.ofInstant(startTimer().getDuedate().toInstant(), ZoneId.systemDefault()))
                .as("the next quarter's review").isEqualTo(LocalDateTime.of(2026, 7, 1, 7, 0));
    }

    @Test
    void eachProjectWithLiveTokensGetsOneTaskForItsPis() {
        ProcessInstance review = startReview();

        List<Task> tasks = taskService().createTaskQuery().processInstanceId(review.getId()).list();
        assertThat(tasks).extracting(Task::getName).containsExactlyInAnyOrder(
                "Review API access to REDCap project 101 (PROD)", "Review API access to REDCap project 201 (QA)");
        assertThat(tasks).allMatch(task -> "Task_ReviewProjectAccess".equals(task.getTaskDefinitionKey()));
        assertThat(candidateUsers(taskOf(review, PROD_101))).containsExactly("pat");
        assertThat(candidateUsers(taskOf(review, QA_201))).containsExactlyInAnyOrder("pat", "rita");
        assertThat(candidateGroups(taskOf(review, PROD_101))).isEmpty();
        assertThat(taskOf(review, PROD_101).getDueDate()).as("created when the review started, due 14 days later")
                .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(14))));
        assertThat(taskService().getVariable(taskOf(review, PROD_101).getId(), AccessReviewVariables.TOKEN_HOLDERS_TEXT))
                .asString().contains("alice: token issued 2026-01-05, never used");
        assertThat(taskService().getVariable(taskOf(review, QA_201).getId(), AccessReviewVariables.TOKEN_HOLDERS_TEXT))
                .asString().contains("carol");
        verify(reviews).requested(PROD_101, List.of("pat"), List.of("alice", "bob"));
        verify(reviews).requested(QA_201, List.of("pat", "rita"), List.of("bob", "carol"));
    }

    @Test
    void aProjectWithoutPisIsReviewedByTheRedcapAdministrators() {
        access.put(PROD_101, new AccessReviews.ProjectAccess(List.of(), List.of("alice"), "alice: token issued …"));
        ProcessInstance review = startReview();

        Task task = taskOf(review, PROD_101);
        assertThat(candidateUsers(task)).isEmpty();
        assertThat(candidateGroups(task)).containsExactly("redcap-admins");

        completeAs("ada", List.of("redcap-admins"), task, Map.of("accessReviewed", true));
        runJobs(review);
        verify(reviews).apply(PROD_101, new AccessReviewAnswer(List.of(), List.of("alice")), "ada");
    }

    @Test
    void noProjectWithALiveTokenEndsTheReviewAtOnce() {
        projects.clear();
        fireStartTimer();

        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_AccessReviewDone").count())
                .isEqualTo(1);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(AccessReviewVariables.PROCESS)
                .count()).isZero();
    }

    @Test
    void thePiKeepsEveryoneAndTheReviewEndsOnceEveryProjectIsReviewed() {
        ProcessInstance review = startReview();

        completeAs("pat", List.of("project-pis"), taskOf(review, PROD_101),
                Map.of("usernamesToRevoke", " ", "accessReviewed", true));
        assertThat(review).isWaitingAt("Task_ApplyAccessDecisions", "Task_ReviewProjectAccess");
        runJobs(review);
        verify(reviews).apply(PROD_101, new AccessReviewAnswer(List.of(), List.of("alice", "bob")), "pat");
        assertThat(review).isNotEnded();

        completeAs("rita", List.of("api-requesters"), taskOf(review, QA_201), Map.of("accessReviewed", true));
        runJobs(review);

        verify(reviews).apply(QA_201, new AccessReviewAnswer(List.of(), List.of("bob", "carol")), "rita");
        assertThat(review).isEnded().hasPassed("EndEvent_AccessReviewDone", "Gateway_RightsToReduce", "Gateway_RightsHandled")
                .hasNotPassed("Task_RemindProjectPis", "Task_EscalateToRedcapAdmins", "Task_ReduceApiRights");
        verify(rights, never()).reduce(any(), any(), any(), any());
    }

    @Test
    void thePiReducesAHoldersRightsToExportOnlyInAJobOfItsOwn() {
        projects.remove("QA:201");
        ProcessInstance review = startReview();

        completeAs("pat", List.of(), taskOf(review, PROD_101), Map.of("accessReviewed", true,
                "rightsToReduce", " ALICE : Export \n", "usernamesToRevoke", "bob"));
        runJobs(review);
        assertThat(review).as("REDCap down is retried there, the PI's answer stays").isWaitingAt("Task_ReduceApiRights");
        runJobs(review);

        verify(rights).reduce(PROD_101, Map.of("alice", EXPORT_ONLY), List.of("pat"), "pat");
        verify(reviews).apply(PROD_101, new AccessReviewAnswer(List.of("bob"), List.of("alice")), "pat");
        assertThat(review).hasPassedInOrder("Task_ApplyAccessDecisions", "Gateway_RightsToReduce", "Task_ReduceApiRights",
                "Gateway_RightsHandled", "EndEvent_ProjectReviewed").isEnded();
    }

    @Test
    void reductionsAndProjectAccessEndingsAreReadStrictly() {
        ProcessInstance review = startReview();
        Task prod = taskOf(review, PROD_101);

        assertThatThrownBy(() -> completeAs("pat", List.of(), prod, Map.of("accessReviewed", true,
                "rightsToReduce", "alice: export, mobile_app")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("alice does not have mobile_app enabled in REDCap");
        assertThatThrownBy(() -> completeAs("pat", List.of(), prod, Map.of("accessReviewed", true,
                "rightsToReduce", "mallory: export")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("mallory is not listed");
        assertThatThrownBy(() -> completeAs("pat", List.of(), prod, Map.of("accessReviewed", true,
                "usernamesToRevoke", "bob", "usernamesToEndProjectAccess", "alice")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("only people whose token you revoke above: alice");
        assertThatThrownBy(() -> completeAs("pat", List.of(), taskOf(review, QA_201), Map.of("accessReviewed", true,
                "usernamesToRevoke", "bob", "usernamesToEndProjectAccess", "bob")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("only on a production project's review");
        assertThat(taskService().getVariable(prod.getId(), AccessReviewVariables.RIGHTS_TO_REDUCE)).isEqualTo("");

        completeAs("pat", List.of(), prod, Map.of("accessReviewed", true, "usernamesToRevoke", "alice, bob",
                "usernamesToEndProjectAccess", "Bob"));
        runJobs(review);
        verify(endings).end(PROD_101, List.of("bob"), "pat");
        verify(rights, never()).reduce(any(), any(), any(), any());
    }

    @Test
    void thePiRevokesOneHolderAndTheOtherProjectKeepsItsOwnAnswer() {
        ProcessInstance review = startReview();

        completeAs("pat", List.of("project-pis"), taskOf(review, PROD_101),
                Map.of("usernamesToRevoke", "ALICE", "accessReviewed", true));
        completeAs("pat", List.of("project-pis"), taskOf(review, QA_201), Map.of("accessReviewed", true));
        runJobs(review);

        verify(reviews).apply(PROD_101, new AccessReviewAnswer(List.of("alice"), List.of("bob")), "pat");
        verify(reviews).apply(QA_201, new AccessReviewAnswer(List.of(), List.of("bob", "carol")), "pat");
        assertThat(review).isEnded();
    }

    @Test
    void anUnknownUsernameOrAMissingConfirmationIsRefusedAndChangesNothing() {
        ProcessInstance review = startReview();
        Task task = taskOf(review, PROD_101);

        assertThatThrownBy(() -> completeAs("pat", List.of(), task,
                Map.of("usernamesToRevoke", "alice, mallory", "accessReviewed", true)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Not listed as holding a live token on this project: mallory");
        assertThatThrownBy(() -> completeAs("pat", List.of(), task, Map.of("usernamesToRevoke", "alice")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Confirm that you have reviewed everyone listed");

        assertThat(taskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(taskService().getVariable(task.getId(), AccessReviewVariables.USERNAMES_TO_REVOKE)).isEqualTo("");
        verify(reviews, never()).apply(any(), any(), any());
    }

    @Test
    void onlyAPiOfTheProjectOrARedcapAdministratorMayAnswer() {
        ProcessInstance review = startReview();
        Task task = taskOf(review, PROD_101);

        assertThatThrownBy(() -> completeAs("rita", List.of("api-specialists"), task, Map.of("accessReviewed", true)))
                .as("rita is a PI of QA project 201, not of PROD project 101")
                .hasRootCauseInstanceOf(AuthorizationException.class)
                .hasMessageContaining("rita may not complete 'Review API access to REDCap project 101 (PROD)'");
        assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of("accessReviewed", true)))
                .as("nobody known").hasRootCauseInstanceOf(AuthorizationException.class);

        completeAs("ada", List.of("redcap-admins"), task, Map.of("accessReviewed", true));
        runJobs(review);
        verify(reviews).apply(PROD_101, new AccessReviewAnswer(List.of(), List.of("alice", "bob")), "ada");
    }

    @Test
    void theDeadlineRemindsThePisAndTheTaskStaysOpen() {
        projects.remove("QA:201");
        ProcessInstance review = startReview();
        Task task = taskOf(review, PROD_101);

        fire(review, "Timer_ReviewDeadline", Duration.ofDays(14));

        verify(reviews).remind(PROD_101, List.of("pat"), task.getId());
        verify(reviews, never()).escalate(any(), any(), any());
        assertThat(review).hasPassed("Task_RemindProjectPis", "EndEvent_PisReminded").isWaitingAt("Task_ReviewProjectAccess");
        assertThat(managementService().createJobQuery().processInstanceId(review.getId())
                .activityId("Timer_ReviewEscalation").count()).isEqualTo(1);
    }

    @Test
    void stillUnansweredItIsEscalatedToTheRedcapAdministratorsAndNothingIsRevokedUnasked() {
        projects.remove("QA:201");
        ProcessInstance review = startReview();
        Task task = taskOf(review, PROD_101);
        fire(review, "Timer_ReviewDeadline", Duration.ofDays(14));

        fire(review, "Timer_ReviewEscalation", Duration.ofDays(7));

        verify(reviews).escalate(PROD_101, List.of("pat"), task.getId());
        assertThat(review).hasPassed("Task_EscalateToRedcapAdmins").isWaitingAt("Task_ReviewProjectAccess");
        assertThat(candidateUsers(task)).containsExactly("pat");
        assertThat(candidateGroups(task)).containsExactly("redcap-admins");
        assertThat(managementService().createJobQuery().processInstanceId(review.getId()).count())
                .as("no more timers: the task waits for a decision").isZero();
        verify(reviews, never()).apply(any(), any(), any());

        completeAs("pat", List.of(), task, Map.of("usernamesToRevoke", "bob", "accessReviewed", true));
        runJobs(review);
        verify(reviews).apply(PROD_101, new AccessReviewAnswer(List.of("bob"), List.of("alice")), "pat");
        assertThat(review).isEnded();
    }

    @Test
    void aRedcapOutageWhileFindingThePisLeavesTheLookupForRetry() {
        access.remove(QA_201);
        ProcessInstance review = fireStartTimer();

        for (Job job : managementService().createJobQuery().processInstanceId(review.getId()).list()) {
            try {
                managementService().executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the job executor would record it and retry
            }
        }

        Job failed = managementService().createJobQuery().processInstanceId(review.getId())
                .activityId("Task_FindProjectPis").singleResult();
        assertThat(failed.getExceptionMessage()).contains("REDCap QA did not answer");
        assertThat(failed.getRetries()).isLessThan(3);
        assertThat(taskService().createTaskQuery().processInstanceId(review.getId()).list())
                .extracting(Task::getName).containsExactly("Review API access to REDCap project 101 (PROD)");
    }

    private Job startTimer() {
        return managementService().createJobQuery().timers().activityId("StartEvent_AccessReviewDue").singleResult();
    }

    private ProcessInstance fireStartTimer() {
        Job start = startTimer();
        ClockUtil.setCurrentTime(start.getDuedate());
        managementService().executeJob(start.getId());
        List<ProcessInstance> started = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(AccessReviewVariables.PROCESS).list();
        return started.isEmpty() ? null : started.get(0);
    }

    /** Fires the start timer and runs the PI lookups: the review waits at one task per project. */
    private ProcessInstance startReview() {
        ProcessInstance review = fireStartTimer();
        runJobs(review);
        return review;
    }

    private void runJobs(ProcessInstance review) {
        managementService().createJobQuery().processInstanceId(review.getId()).executable().list()
                .forEach(job -> managementService().executeJob(job.getId()));
    }

    private Task taskOf(ProcessInstance review, ReviewedProject project) {
        return taskService().createTaskQuery().processInstanceId(review.getId())
                .taskName("Review API access to REDCap project " + project.projectId() + " (" + project.environment() + ")")
                .singleResult();
    }

    private void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
        identityService().setAuthentication(user, groups);
        try {
            taskService().complete(task.getId(), variables);
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static Set<String> candidateUsers(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId)
                .filter(user -> user != null).collect(Collectors.toSet());
    }

    private static Set<String> candidateGroups(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(group -> group != null).collect(Collectors.toSet());
    }

    private void fire(ProcessInstance review, String timerId, Duration after) {
        Job timer = managementService().createJobQuery().processInstanceId(review.getId()).activityId(timerId)
                .singleResult();
        assertThat(timer).as(timerId).isNotNull();
        assertThat(timer.getDuedate()).as(timerId + " due")
                .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(after)));
        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());
    }
}
