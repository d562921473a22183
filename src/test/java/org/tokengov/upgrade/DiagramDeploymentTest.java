package org.tokengov.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokengov.testsupport.CapturedLogs;
import org.tokengov.upgrade.RunnableDeployments.Choice;
import org.tokengov.upgrade.RunnableDeployments.Kind;

/**
 * Nodes of two releases on one H2 database, each an engine with a deployment-aware job executor that deploys its
 * diagrams as the app does at its start: what each deploys, which deployments it registers, and which jobs its job
 * executor then fetches.
 */
class DiagramDeploymentTest {

    final String database = "jdbc:h2:mem:rolling-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    final List<ProcessEngine> engines = new ArrayList<>();

    static final List<DiagramResource> RELEASE_1 = List.of(diagram("Work", "Do the work"), diagram("Other", "Other work"));
    /** Release 2 changed one diagram (its step calls a bean release 1 does not have). */
    static final List<DiagramResource> RELEASE_2 = List.of(diagram("Work", "Do the work, the new way"),
            diagram("Other", "Other work"));

    @AfterEach
    void closeEngines() {
        engines.forEach(ProcessEngine::close);
    }

    @Test
    void theFirstNodeDeploysItsDiagramsAndRunsTheirJobs() {
        Node first = start(RELEASE_1);

        assertThat(first.choice.kind()).isEqualTo(Kind.NEW);
        assertThat(deployments(first)).hasSize(1);
        assertThat(first.registered()).containsExactly(deployments(first).get(0).getId());
    }

    @Test
    void aRestartWithUnchangedDiagramsDeploysNothingAndRunsEveryDeployment() {
        Node first = start(RELEASE_1);
        String byHand = first.engine.getRepositoryService().createDeployment().name("fixed in Cockpit")
                .addModelInstance("Fix.bpmn", process("Fix", "A fix")).deploy().getId();

        Node restarted = start(RELEASE_1);

        assertThat(restarted.choice.kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(deployments(restarted)).hasSize(2);
        assertThat(restarted.registered()).containsExactlyInAnyOrder(first.choice.own().id(), byHand);
    }

    @Test
    void aNewReleaseDeploysItsDiagramsAndAlsoRunsTheJobsOfEveryEarlierDeployment() {
        Node old = start(RELEASE_1);

        Node upgraded = start(RELEASE_2);

        assertThat(upgraded.choice.kind()).isEqualTo(Kind.NEW);
        assertThat(deployments(upgraded)).hasSize(2);
        assertThat(upgraded.registered()).containsExactlyInAnyOrder(old.choice.own().id(), upgraded.choice.own().id());
        assertThat(old.registered()).as("the old node keeps to its own").containsExactly(old.choice.own().id());
    }

    @Test
    void anOldNodeStartingWhileANewerReleaseRunsDeploysNothingMigratesNothingAndRunsOnlyTheOlderDeployments() {
        Node old = start(RELEASE_1);
        Node upgraded = start(RELEASE_2);
        String latestWork = latestWorkDefinition(upgraded);

        try (CapturedLogs logs = CapturedLogs.atDebug()) {
            Node restartedOld = start(RELEASE_1);

            assertThat(restartedOld.choice.kind()).isEqualTo(Kind.OLDER);
            assertThat(restartedOld.choice.own().id()).isEqualTo(old.choice.own().id());
            assertThat(deployments(restartedOld)).as("its diagrams not deployed again as the latest").hasSize(2);
            assertThat(latestWorkDefinition(restartedOld)).isEqualTo(latestWork);
            assertThat(restartedOld.registered()).containsExactly(old.choice.own().id());
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("older than the latest").contains(upgraded.choice.own().id()));
        }
    }

    @Test
    void theOldNodeFetchesNoJobOfTheNewDiagramsButJobsOfItsOwnAndJobsOfNoDeployment() {
        Node old = start(RELEASE_1);
        Node upgraded = start(RELEASE_2);
        String oldJob = jobOf(old, old.engine.getRuntimeService()
                .startProcessInstanceById(definitionOf(old, old.choice.own().id())).getId());
        String newJob = jobOf(old, old.engine.getRuntimeService().startProcessInstanceByKey("Work").getId());
        upgraded.engine.getHistoryService().cleanUpHistoryAsync(true);
        String cleanup = upgraded.engine.getHistoryService().findHistoryCleanupJobs().get(0).getId();

        assertThat(old.fetchJobs()).as("old node").containsExactlyInAnyOrder(oldJob, cleanup);
        assertThat(upgraded.fetchJobs()).as("new node, after the old one took its share").containsExactly(newJob);
    }

    @Test
    void theNewNodeFetchesTheJobsOfTheOlderDeploymentsToo() {
        Node old = start(RELEASE_1);
        String oldJob = jobOf(old, old.engine.getRuntimeService().startProcessInstanceByKey("Work").getId());
        Node upgraded = start(RELEASE_2);

        assertThat(upgraded.fetchJobs()).containsExactly(oldJob);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private Node start(List<DiagramResource> diagrams) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("rolling-" + UUID.randomUUID());
        configuration.setJdbcUrl(database);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setJobExecutorDeploymentAware(true);
        configuration.setBeans(Map.of("step", (JavaDelegate) execution -> { }));
        ProcessEngine engine = configuration.buildProcessEngine();
        engines.add(engine);
        return new Node(engine, configuration, DiagramDeployment.deploy(configuration, diagrams));
    }

    private static List<Deployment> deployments(Node node) {
        return node.engine.getRepositoryService().createDeploymentQuery().list();
    }

    private static String latestWorkDefinition(Node node) {
        return node.engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Work").latestVersion()
                .singleResult().getId();
    }

    private static String definitionOf(Node node, String deploymentId) {
        return node.engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Work")
                .deploymentId(deploymentId).singleResult().getId();
    }

    private static String jobOf(Node node, String processInstanceId) {
        Job job = node.engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).singleResult();
        return job.getId();
    }

    private static DiagramResource diagram(String key, String stepName) {
        return new DiagramResource(key + ".bpmn",
                Bpmn.convertToString(process(key, stepName)).getBytes(StandardCharsets.UTF_8));
    }

    private static org.camunda.bpm.model.bpmn.BpmnModelInstance process(String key, String stepName) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_Step").name(stepName).camundaAsyncBefore().camundaDelegateExpression("${step}")
                .endEvent().done();
    }

    private record Node(ProcessEngine engine, ProcessEngineConfigurationImpl configuration, Choice choice) {

        List<String> registered() {
            return List.copyOf(configuration.getRegisteredDeployments());
        }

        List<String> fetchJobs() {
            return configuration.getCommandExecutorTxRequired()
                    .execute(new AcquireJobsCmd(configuration.getJobExecutor())).getJobIdBatches().stream()
                    .flatMap(List::stream).toList();
        }
    }
}
