package org.tokengov.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokengov.testsupport.BpmnTestEngine;

/**
 * The filters on the in-memory engine, read back from the database as Tasklist reads them: one task of each kind,
 * with the BPMN ids and candidates of the real diagrams, and who sees which in which filter.
 */
class TasklistFiltersTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnTestEngine.extension();

    ProcessEngine processEngine;
    TasklistFilters tasklistFilters;
    String deployment;

    @BeforeEach
    void startOneTaskOfEachKind() {
        processEngine = engine.getProcessEngine();
        tasklistFilters = new TasklistFilters(processEngine.getFilterService(), processEngine.getTaskService(),
                processEngine.getAuthorizationService());
        BpmnModelInstance probe = Bpmn.createExecutableProcess("FilterProbe").startEvent().parallelGateway("fork")
                .userTask("Task_DevelopAndTestInQa").camundaAssignee("alice").endEvent()
                .moveToNode("fork").userTask("Task_ConfirmSponsorship").camundaAssignee("alice").endEvent()
                // Reviews and approvals are offered per person (their listeners leave the requester out): rita
                // requested the token under review, so only sam is offered its review.
                .moveToNode("fork").userTask("Task_ReviewCode").camundaCandidateUsers("sam").endEvent()
                .moveToNode("fork").userTask("Task_ReviewFix").camundaCandidateUsers("sam,rita").endEvent()
                .moveToNode("fork").userTask("Task_ApproveRelease").camundaCandidateUsers("ada").endEvent()
                .moveToNode("fork").userTask("Task_CreateTokenInControlCenter").camundaCandidateUsers("ada").endEvent()
                .moveToNode("fork").userTask("Task_ReviewProjectAccess").camundaCandidateUsers("pat").endEvent()
                .done();
        deployment = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("probe.bpmn", probe).deploy().getId();
        processEngine.getRuntimeService().startProcessInstanceByKey("FilterProbe");
    }

    @AfterEach
    void removeEverything() {
        processEngine.getIdentityService().clearAuthentication();
        processEngine.getRepositoryService().deleteDeployment(deployment, true);
        processEngine.getFilterService().createFilterQuery().list()
                .forEach(filter -> processEngine.getFilterService().deleteFilter(filter.getId()));
        processEngine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER).list()
                .forEach(authorization -> processEngine.getAuthorizationService().deleteAuthorization(authorization.getId()));
    }

    @Test
    void createsEachGroupsFiltersOnceAndLeavesThemAlone() {
        tasklistFilters.run(null);
        Filter approvals = filter("Approvals");
        approvals.setProperties(Map.of("description", "changed by an administrator"));
        processEngine.getFilterService().saveFilter(approvals);

        tasklistFilters.run(null);

        assertThat(processEngine.getFilterService().createFilterQuery().list()).extracting(Filter::getName)
                .containsExactlyInAnyOrder("My tasks", "My requests", "Code reviews", "Approvals",
                        "Tokens to create by hand", "Access reviews", "API access to consent to", "Sponsors to replace",
                        "Fair-use cases");
        assertThat(filter("Approvals").getProperties()).containsEntry("description", "changed by an administrator");
        assertThat(readers("My requests")).containsExactly("api-requesters");
        assertThat(readers("Code reviews")).containsExactly("api-specialists");
        assertThat(readers("Approvals")).containsExactly("redcap-admins");
        assertThat(readers("Fair-use cases")).containsExactly("redcap-admins");
        assertThat(readers("Access reviews")).containsExactlyInAnyOrder("project-pis", "redcap-admins");
        assertThat(readers("API access to consent to")).containsExactlyInAnyOrder("project-pis", "redcap-admins");
        assertThat(readers("My tasks")).containsExactlyInAnyOrder("api-requesters", "api-specialists", "redcap-admins",
                "project-pis");
    }

    @Test
    void eachFilterShowsItsGroupsWork() {
        tasklistFilters.run(null);

        assertThat(tasksIn("My tasks", "alice", "api-requesters"))
                .containsExactlyInAnyOrder("Task_DevelopAndTestInQa", "Task_ConfirmSponsorship");
        assertThat(tasksIn("My requests", "alice", "api-requesters")).containsExactly("Task_DevelopAndTestInQa");
        assertThat(tasksIn("My requests", "bob", "api-requesters")).isEmpty();
        assertThat(tasksIn("Code reviews", "sam", "api-specialists"))
                .containsExactlyInAnyOrder("Task_ReviewCode", "Task_ReviewFix");
        assertThat(tasksIn("Code reviews", "rita", "api-specialists")).containsExactly("Task_ReviewFix");
        assertThat(tasksIn("Approvals", "ada", "redcap-admins")).containsExactly("Task_ApproveRelease");
        assertThat(tasksIn("Tokens to create by hand", "ada", "redcap-admins"))
                .containsExactly("Task_CreateTokenInControlCenter");
        assertThat(tasksIn("Access reviews", "pat", "project-pis")).containsExactly("Task_ReviewProjectAccess");
    }

    @Test
    void aClaimedReviewStaysInTheReviewersFilter() {
        tasklistFilters.run(null);
        Task review = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewCode").singleResult();
        processEngine.getTaskService().claim(review.getId(), "sam");

        assertThat(tasksIn("Code reviews", "sam", "api-specialists")).contains("Task_ReviewCode");
        assertThat(tasksIn("My tasks", "sam", "api-specialists")).containsExactly("Task_ReviewCode");
    }

    @Test
    void aReviewFilterAnEarlierVersionMadeForTheWholeGroupNowShowsWhatIsOfferedToEachUser() {
        Filter old = processEngine.getFilterService().newTaskFilter("Code reviews").setQuery(processEngine.getTaskService()
                .createTaskQuery().taskCandidateGroup("api-specialists").includeAssignedTasks()
                .taskDefinitionKeyIn("Task_ReviewCode", "Task_ReviewChange", "Task_ReviewFix"));
        processEngine.getFilterService().saveFilter(old);

        tasklistFilters.run(null);

        assertThat(processEngine.getFilterService().createFilterQuery().filterName("Code reviews").count()).isOne();
        assertThat(tasksIn("Code reviews", "rita", "api-specialists")).containsExactly("Task_ReviewFix");
        assertThat(tasksIn("Code reviews", "sam", "api-specialists")).containsExactlyInAnyOrder("Task_ReviewCode", "Task_ReviewFix");
    }

    private Filter filter(String name) {
        return processEngine.getFilterService().createFilterQuery().filterName(name).singleResult();
    }

    private List<String> readers(String filterName) {
        return processEngine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter(filterName).getId()).list().stream()
                .filter(authorization -> authorization.isPermissionGranted(Permissions.READ))
                .map(authorization -> authorization.getGroupId()).toList();
    }

    private List<String> tasksIn(String filterName, String user, String group) {
        processEngine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            List<Task> tasks = processEngine.getFilterService().list(filter(filterName).getId());
            return tasks.stream().map(Task::getTaskDefinitionKey).toList();
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }
}
