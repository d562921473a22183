package org.tokengov.engineaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The command guard on a real in-memory engine (authorization checks on, TASK_WORK for workers, as the app runs):
 * what a person may and may not do through the Java API, which is what every REST call becomes.
 */
class CommandGuardTest {

    private static final String PROCESS = "GuardedProcess";
    private static final String WORKERS = "workers";

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static FormService forms;
    private static IdentityService identity;

    /** A listener that writes through the engine's API, nested in the person's command: the process's own work. */
    public static class WritesThroughTheEngine implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            task.getProcessEngineServices().getRuntimeService().setVariable(task.getProcessInstanceId(), "listenerWrote", true);
        }
    }

    @BeforeAll
    static void startEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("engine-access-guard-test")
                .setJdbcUrl("jdbc:h2:mem:engine-access-guard-test;DB_CLOSE_DELAY=1000")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .setAuthorizationEnabled(true);
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
        configuration.getProcessEnginePlugins().add(new EngineAccessPlugin());
        engine = configuration.buildProcessEngine();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        forms = engine.getFormService();
        identity = engine.getIdentityService();

        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Start").camundaFormRef("start-form").camundaFormRefBinding("deployment")
                .userTask("Task_Work").camundaCandidateGroups(WORKERS).camundaFormRef("work-form").camundaFormRefBinding("deployment")
                .camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE, WritesThroughTheEngine.class)
                .userTask("Task_NoForm").camundaCandidateGroups(WORKERS)
                .endEvent()
                .moveToActivity("Task_Work").boundaryEvent("Error").error("SOME_ERROR").endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("guarded.bpmn", model)
                .addString("start-form.form", """
                        {"id": "start-form", "type": "default", "components": [
                          {"type": "textfield", "key": "name"},
                          {"type": "textfield", "key": "shown", "disabled": true}]}""")
                .addString("work-form.form", """
                        {"id": "work-form", "type": "default", "components": [
                          {"type": "textfield", "key": "summary", "readonly": true},
                          {"type": "select", "key": "decision"},
                          {"type": "group", "components": [{"type": "textarea", "key": "comment"}]}]}""")
                .deploy();

        AuthorizationService authorizations = engine.getAuthorizationService();
        grant(authorizations, WORKERS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(authorizations, WORKERS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        for (Resource resource : Resources.values()) {
            grant(authorizations, "camunda-admin", resource, Authorization.ANY, Permissions.ALL);
        }
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @AfterEach
    void noOneLeftLoggedIn() {
        identity.clearAuthentication();
    }

    @Test
    void aWorkerStartsAProcessWithItsStartFormsFieldsOnly() {
        long before = runtime.createProcessInstanceQuery().count();
        as("alice", () -> runtime.startProcessInstanceByKey(PROCESS, Map.of("name", "Alice's request")));

        refusedInput(() -> runtime.startProcessInstanceByKey(PROCESS, Map.of("requester", "mallory")),
                "The form has no field 'requester' that you can fill in.");
        refusedInput(() -> runtime.startProcessInstanceByKey(PROCESS, Map.of("shown", "set anyway")),
                "The form has no field 'shown' that you can fill in.");
        refusedInput(() -> runtime.startProcessInstanceByKey(PROCESS, Map.of("name", new HashMap<>(Map.of("a", 1)))),
                "'name' must be plain text, a number, yes or no, or a date.");
        refusedInput(() -> runtime.startProcessInstanceByKey(PROCESS, Variables.createVariables()
                .putValueTyped("name", Variables.objectValue(List.of("x")).create())), "'name' must be plain text, a number, yes or no, or a date.");
        refusedInput(() -> runtime.startProcessInstanceByKey(PROCESS, Variables.createVariables()
                .putValueTyped("name", Variables.stringValue("x", true))), "'name' must be plain text, a number, yes or no, or a date.");
        refusedInput(() -> forms.submitStartForm(definitionId(), Map.of("requester", "mallory")),
                "The form has no field 'requester' that you can fill in.");
        assertThat(runtime.createProcessInstanceQuery().count()).as("only alice's valid start").isEqualTo(before + 1);
    }

    @Test
    void aWorkerCannotStartElsewhereSkipChecksOrChooseTheBusinessKey() {
        long before = runtime.createProcessInstanceQuery().count();

        refused(() -> runtime.createProcessInstanceByKey(PROCESS).startBeforeActivity("Task_NoForm").execute(),
                Forbidden.START_ELSEWHERE);
        refused(() -> runtime.createProcessInstanceByKey(PROCESS).startBeforeActivity("Task_Work").execute(true, true),
                Forbidden.START_ELSEWHERE);
        as("alice", () -> assertThatThrownBy(() -> runtime.createProcessInstanceByKey(PROCESS).execute(true, false))
                .as("Camunda skips nothing at the default start").isInstanceOf(BadUserRequestException.class));
        refused(() -> runtime.startProcessInstanceByKey(PROCESS, "token-1"), Forbidden.CHOOSE_BUSINESS_KEY);
        refused(() -> forms.submitStartForm(definitionId(), "token-1", Map.of("name", "x")), Forbidden.CHOOSE_BUSINESS_KEY);

        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void aWorkerCompletesAStepWithItsFormsWritableFieldsOnly() {
        ProcessInstance instance = startAsApplication();
        Task work = task(instance, "Task_Work");
        as("alice", () -> tasks.claim(work.getId(), "alice"));

        refusedInput(() -> tasks.complete(work.getId(), Map.of("summary", "rewritten")),
                "The form has no field 'summary' that you can fill in.");
        refusedInput(() -> tasks.complete(work.getId(), Map.of("requester", "mallory")),
                "The form has no field 'requester' that you can fill in.");
        refusedInput(() -> forms.submitTaskForm(work.getId(), Map.of("decision", Variables.fileValue("f").file(new byte[1]).create())),
                "'decision' must be plain text, a number, yes or no, or a date.");
        assertThat(task(instance, "Task_Work")).as("still waiting").isNotNull();

        as("alice", () -> forms.submitTaskForm(work.getId(), Map.of("decision", "OK", "comment", "in a group")));
        Task noForm = task(instance, "Task_NoForm");
        as("bob", () -> tasks.claim(noForm.getId(), "bob"));
        refusedInput(() -> tasks.complete(noForm.getId(), Map.of("decision", "changed later")),
                "This step takes no data: it has no field you can fill in, so 'decision' cannot be submitted.");
        as("bob", () -> tasks.complete(noForm.getId()));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aWorkerWritesNoVariablesOutsideAForm() {
        ProcessInstance instance = startAsApplication();
        Task work = task(instance, "Task_Work");
        as("alice", () -> tasks.claim(work.getId(), "alice"));

        for (Executable write : List.<Executable>of(
                () -> runtime.setVariable(instance.getId(), "adminDecision", "APPROVED"),
                () -> runtime.setVariableLocal(instance.getId(), "adminDecision", "APPROVED"),
                () -> runtime.setVariables(instance.getId(), Map.of("adminDecision", "APPROVED")),
                () -> runtime.removeVariable(instance.getId(), "name"),
                () -> tasks.setVariable(work.getId(), "adminDecision", "APPROVED"),
                () -> tasks.setVariableLocal(work.getId(), "adminDecision", "APPROVED"),
                () -> tasks.removeVariable(work.getId(), "name"),
                () -> ((org.camunda.bpm.engine.impl.TaskServiceImpl) tasks).updateVariables(work.getId(), Map.of("adminDecision", "APPROVED"), List.of()),
                () -> runtime.setVariablesAsync(List.of(instance.getId()), Map.of("adminDecision", "APPROVED")))) {
            refused(write, Forbidden.WRITE_DATA);
        }
        assertThat(runtime.getVariable(instance.getId(), "adminDecision")).isNull();
        assertThat(runtime.getVariable(instance.getId(), "name")).isEqualTo("started by the application");
    }

    @Test
    void aWorkerClaimsOnlyForThemselvesAndGivesBackOnlyTheirOwnStep() {
        ProcessInstance instance = startAsApplication();
        String work = task(instance, "Task_Work").getId();

        refused(() -> tasks.claim(work, "bob"), Forbidden.CLAIM_FOR_OTHERS);
        refused(() -> tasks.setAssignee(work, "alice"), Forbidden.REASSIGN);
        as("alice", () -> tasks.claim(work, "alice"));
        as("bob", () -> assertThatThrownBy(() -> tasks.claim(work, null)).isInstanceOf(EngineAccessRefusedException.class)
                .hasMessage(Forbidden.UNCLAIM_OTHERS.sentence()));
        as("bob", () -> assertThatThrownBy(() -> tasks.setAssignee(work, null)).isInstanceOf(EngineAccessRefusedException.class)
                .hasMessage(Forbidden.UNCLAIM_OTHERS.sentence()));
        assertThat(task(instance, "Task_Work").getAssignee()).isEqualTo("alice");

        as("alice", () -> tasks.setAssignee(work, null)); // Camunda's REST unclaim: runs as a claim for nobody
        assertThat(task(instance, "Task_Work").getAssignee()).isNull();
    }

    @Test
    void aStepThatIsNotOfferedToSomeoneIsRefusedInPlainWordsBeforeCamundasOwnCheck() {
        ProcessInstance instance = startAsApplication();
        String work = task(instance, "Task_Work").getId();

        as("mallory", List.of("outsiders"), () -> {
            assertThatThrownBy(() -> tasks.claim(work, "mallory")).isInstanceOf(EngineAccessRefusedException.class)
                    .hasMessage(Forbidden.NOT_OFFERED.sentence()).hasMessageNotContaining(work);
            assertThatThrownBy(() -> tasks.complete(work, Map.of("decision", "yes"))).isInstanceOf(EngineAccessRefusedException.class)
                    .hasMessage(Forbidden.NOT_OFFERED.sentence());
        });
        assertThat(task(instance, "Task_Work").getAssignee()).isNull();
    }

    @Test
    void nobodyDelegatesAProcessStepNotEvenAnAdministratorOrTheApplication() {
        ProcessInstance instance = startAsApplication();
        String work = task(instance, "Task_Work").getId();

        refused(() -> tasks.delegateTask(work, "bob"), Forbidden.DELEGATE);
        asAdministrator(() -> assertThatThrownBy(() -> tasks.delegateTask(work, "bob"))
                .isInstanceOf(EngineAccessRefusedException.class).hasMessage(Forbidden.DELEGATE.sentence()));
        asAdministrator(() -> assertThatThrownBy(() -> tasks.resolveTask(work)).isInstanceOf(EngineAccessRefusedException.class));
        assertThatThrownBy(() -> tasks.delegateTask(work, "bob")).isInstanceOf(EngineAccessRefusedException.class);
        assertThat(task(instance, "Task_Work").getDelegationState()).isNull();
    }

    @Test
    void aWorkerCannotEndTheirStepWithAnErrorNorChangeWhoWorksOnIt() {
        ProcessInstance instance = startAsApplication();
        String work = task(instance, "Task_Work").getId();
        as("alice", () -> tasks.claim(work, "alice"));

        refused(() -> tasks.handleBpmnError(work, "SOME_ERROR"), Forbidden.END_WITH_ERROR);
        refused(() -> tasks.handleEscalation(work, "SOME_ESCALATION"), Forbidden.END_WITH_ERROR);
        refused(() -> tasks.addCandidateUser(work, "mallory"), Forbidden.REASSIGN);
        refused(() -> tasks.deleteCandidateGroup(work, WORKERS), Forbidden.REASSIGN);
        refused(() -> tasks.setOwner(work, "mallory"), Forbidden.REASSIGN);
        refused(() -> tasks.setDueDate(work, new java.util.Date()), Forbidden.REASSIGN);
        refused(() -> tasks.saveTask(tasks.createTaskQuery().taskId(work).singleResult()), Forbidden.CHANGE_TASKS);
        refused(() -> tasks.deleteTask(work), Forbidden.CHANGE_TASKS);
        assertThat(task(instance, "Task_Work").getAssignee()).isEqualTo("alice");
        assertThat(tasks.getIdentityLinksForTask(work)).noneMatch(link -> "mallory".equals(link.getUserId()));
    }

    @Test
    void aWorkerCannotMoveMessageDeployOrAdministerAnything() {
        ProcessInstance instance = startAsApplication();
        ManagementService management = engine.getManagementService();
        RepositoryService repository = engine.getRepositoryService();

        refused(() -> runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity("Task_NoForm").execute(),
                Forbidden.MOVE_PROCESSES);
        refused(() -> runtime.createModification(definitionId()).startBeforeActivity("Task_NoForm")
                .processInstanceIds(instance.getId()).execute(), Forbidden.MOVE_PROCESSES);
        refused(() -> runtime.restartProcessInstances(definitionId()).startBeforeActivity("Task_Work")
                .processInstanceIds(instance.getId()).execute(), Forbidden.MOVE_PROCESSES);
        refused(() -> runtime.createMigrationPlan(definitionId(), definitionId()).mapEqualActivities().build(), Forbidden.MOVE_PROCESSES);
        refused(() -> runtime.suspendProcessInstanceById(instance.getId()), Forbidden.MOVE_PROCESSES);
        refused(() -> runtime.deleteProcessInstance(instance.getId(), "gone"), Forbidden.MOVE_PROCESSES);
        refused(() -> runtime.correlateMessage("Msg_Anything"), Forbidden.SEND_MESSAGES);
        refused(() -> runtime.signalEventReceived("Signal_Anything"), Forbidden.SEND_MESSAGES);
        refused(() -> repository.createDeployment().addString("x.form", "{\"id\": \"x\"}").deploy(), Forbidden.DEPLOY);
        refused(() -> repository.suspendProcessDefinitionByKey(PROCESS), Forbidden.MOVE_PROCESSES);
        refused(() -> identity.saveUser(identity.newUser("mallory")), Forbidden.CHANGE_IDENTITIES);
        refused(() -> identity.createMembership("alice", "camunda-admin"), Forbidden.CHANGE_IDENTITIES);
        refused(() -> identity.setUserInfo("alice", "sponsor", "mallory"), Forbidden.CHANGE_IDENTITIES);
        refused(() -> management.setJobRetries("job-1", 3), Forbidden.OPERATE);
        refused(() -> management.executeJob("job-1"), Forbidden.OPERATE);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().isSuspended()).isFalse();
        assertThat(task(instance, "Task_Work")).isNotNull();
    }

    @Test
    void aWorkerCommentsOnlyOnAStepTheyMayWorkOn() {
        ProcessInstance instance = startAsApplication();
        String work = task(instance, "Task_Work").getId();

        as("alice", () -> tasks.createComment(work, instance.getId(), "Looking at it"));
        as("carol", List.of("others"), () -> assertThatThrownBy(() -> tasks.createComment(work, instance.getId(), "Spam"))
                .isInstanceOf(EngineAccessRefusedException.class).hasMessage(Forbidden.COMMENT_ELSEWHERE.sentence()));
        refused(() -> tasks.createComment(null, instance.getId(), "On the whole process"), Forbidden.COMMENT_ELSEWHERE);
        assertThat(tasks.getTaskComments(work)).extracting(comment -> comment.getFullMessage()).containsExactly("Looking at it");
    }

    @Test
    void listenersOfAPersonsCommandRunAsTheProcess() {
        ProcessInstance instance = as("alice", () -> runtime.startProcessInstanceByKey(PROCESS, Map.of("name", "x")));

        assertThat(runtime.getVariable(instance.getId(), "listenerWrote")).as("written by the create listener").isEqualTo(true);
    }

    @Test
    void administratorsAndTheApplicationItselfAreNotRestricted() {
        ProcessInstance instance = startAsApplication();
        runtime.setVariable(instance.getId(), "byTheApplication", 1);
        asAdministrator(() -> runtime.setVariable(instance.getId(), "byAnAdministrator", 2));
        asAdministrator(() -> tasks.setAssignee(task(instance, "Task_Work").getId(), "bob"));

        assertThat(runtime.getVariables(instance.getId())).containsEntry("byTheApplication", 1).containsEntry("byAnAdministrator", 2);
        assertThat(task(instance, "Task_Work").getAssignee()).isEqualTo("bob");
    }

    private static ProcessInstance startAsApplication() {
        return runtime.startProcessInstanceByKey(PROCESS, Map.of("name", "started by the application"));
    }

    private static String definitionId() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS).singleResult().getId();
    }

    private static Task task(ProcessInstance instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    /** Tried as alice, a worker: refused with the sentence of what is forbidden. */
    private static void refused(Executable call, Forbidden forbidden) {
        as("alice", () -> assertThatThrownBy(call::execute).isInstanceOf(EngineAccessRefusedException.class)
                .hasMessage(forbidden.sentence()));
    }

    private static void refusedInput(Executable call, String sentence) {
        as("alice", () -> assertThatThrownBy(call::execute).isInstanceOf(FormInputRefusedException.class).hasMessage(sentence));
    }

    private static void as(String user, Runnable call) {
        as(user, List.of(WORKERS), call);
    }

    private static void as(String user, List<String> groups, Runnable call) {
        as(user, groups, () -> {
            call.run();
            return null;
        });
    }

    private static <T> T as(String user, java.util.function.Supplier<T> call) {
        return as(user, List.of(WORKERS), call);
    }

    private static <T> T as(String user, List<String> groups, java.util.function.Supplier<T> call) {
        identity.setAuthentication(user, groups);
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static void asAdministrator(Runnable call) {
        as("root", List.of("camunda-admin"), call);
    }

    private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
            Permission... permissions) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
