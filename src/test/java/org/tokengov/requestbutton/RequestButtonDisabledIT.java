package org.tokengov.requestbutton;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.redcap.RedcapEnvironment;
import org.tokengov.testsupport.EngineRest;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/** {@code tokengov.request-button.enabled=false}: no poll exists, REDCap's to-do list is left as REDCap has it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RequestButtonDisabledIT.ButtonOff.class)
class RequestButtonDisabledIT {

    static class ButtonOff extends RealServers {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("tokengov.request-button.enabled=false").applyTo(context);
        }
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void nothingIsPolledAndTheToDoRowStaysPending() {
        RealServers.serveHttpFrom(context);
        assertThat(context.getBeansOfType(RequestButtonPoll.class)).isEmpty();

        IssuedTokens redcap = new IssuedTokens(context);
        redcap.addProjectUser(RedcapEnvironment.PROD, 101, "alice");
        redcap.redcap(RedcapEnvironment.PROD).update(
                "UPDATE redcap_user_rights SET api_export = 1 WHERE project_id = 101 AND username = 'alice'");
        HttpResponse<String> page = new SimulatorHttp(RealServers.baseUrl(context)).projectApiPage("prod", "request",
                "alice", 101);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        long todo = EngineRest.json(page).get("requestId").asLong();
        Jobs.runDue(management);

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("RequestButtonProcess").count()).isZero();
        assertThat(redcap.redcap(RedcapEnvironment.PROD).queryForObject(
                "SELECT status FROM redcap_todo_list WHERE request_id = ?", String.class, todo)).isEqualTo("pending");
    }
}
