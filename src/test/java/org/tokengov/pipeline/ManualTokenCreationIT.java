package org.tokengov.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;
import org.tokengov.testsupport.TestDatabases;

/**
 * The manual mode on the real servers: QA tokens are made by a REDCap administrator in the Control Center
 * (here: the SQL the Control Center runs), and the system checks the rights through REDCap's API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = ManualTokenCreationIT.ManualQa.class)
class ManualTokenCreationIT {

    static class ManualQa extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.redcap.environments.qa.token-administration=manual").applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;

    @Test
    void adminCreatesTheQaTokenByHandAndWrongRightsAreSentBack() {
        ProcessInstance request = new PipelineDriver(runtime, tasks, identity, management).submitRequest("bob");
        Jobs.runDue(management);

        Task create = createTask();
        assertThat(create.getName()).isEqualTo("Create the QA API token for bob on project 201");
        controlCenterSetsToken(true, true); // the admin also ticked "API Import/Update" by mistake
        completeAsAda(create);
        Jobs.runDue(management);

        Task again = createTask();
        assertThat(runtime.getVariable(again.getProcessInstanceId(), "verificationProblem")).asString()
                .contains("API import/update is on but should be off");
        controlCenterSetsToken(true, false);
        completeAsAda(again);
        Jobs.runDue(management);

        assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_DevelopAndTestInQa");
        IssuedToken qaToken = registry.ofRequest(request.getId()).get(0);
        assertThat(qaToken.fingerprint()).as("the system never saw a hand-made token").isNull();
        SimulatorHttp simulator = new SimulatorHttp(RealServers.baseUrl(context));
        assertThat(simulator.versionStatus("qa", simulator.tokenOf("qa", "bob", 201))).isEqualTo(200);
    }

    private Task createTask() {
        Jobs.runDue(management);
        Task task = tasks.createTaskQuery().taskDefinitionKey("Task_CreateTokenInControlCenter").singleResult();
        assertThat(task).isNotNull();
        return task;
    }

    private void completeAsAda(Task task) {
        identity.setAuthentication("ada", java.util.List.of("redcap-admins"));
        try {
            tasks.claim(task.getId(), "ada");
            tasks.complete(task.getId(), Map.of("tokenCreatedConfirmed", true));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** What REDCap's Control Center does when an administrator creates a token and sets the API rights. */
    private void controlCenterSetsToken(boolean export, boolean importData) {
        DriverManagerDataSource qaRedcap = new DriverManagerDataSource(
                context.getEnvironment().getProperty("redcap-sim.environments.qa.jdbc-url"), TestDatabases.MARIADB_USER, "");
        new JdbcTemplate(qaRedcap).update("""
                update redcap_user_rights
                set api_token = coalesce(api_token, upper(md5(rand()))), api_export = ?, api_import = ?
                where project_id = 201 and username = 'bob'""", export ? 1 : 0, importData ? 1 : 0);
    }
}
