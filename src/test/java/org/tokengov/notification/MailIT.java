package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.testsupport.Jobs;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;
import org.tokengov.testsupport.SimulatorHttp;

/**
 * Mails of the request pipeline over real SMTP (GreenMail in this JVM), with the engine on PostgreSQL and the REDCap
 * simulator on MariaDB. The dispatcher is driven by the tests (its schedule is an hour here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = RealServers.class)
class MailIT {

    static final MailCatcher smtp = new MailCatcher();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired MailDispatcher dispatcher;
    @Autowired JdbcTemplate jdbc;

    PipelineDriver driver;
    SimulatorHttp simulator;

    @BeforeEach
    void clean() throws Exception {
        driver = new PipelineDriver(runtime, tasks, identity, management);
        simulator = new SimulatorHttp(RealServers.baseUrl(context));
        sendAll();
        smtp.purge();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void eachStepOfTheRequestMailsThePeopleItConcernsWithTheTaskLinkAndNoToken() throws Exception {
        ProcessInstance request = submit("bob", "Nightly export <script>alert(1)</script> of new visits, by date.");
        Jobs.runDue(management);
        sendAll();
        Task qaTesting = task(request, "Task_DevelopAndTestInQa");
        assertThat(mailsTo("bob@example.org")).extracting(Mail::subject).containsExactly(
                "We received your API token request for REDCap project 101",
                "Your QA API token is ready: Develop and test in QA (project 201)");
        Mail received = mailsTo("bob@example.org").get(0);
        assertThat(received.text()).contains("<script>alert(1)</script>");
        assertThat(received.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(mailsTo("bob@example.org").get(1).text()).contains("default/#/?task=" + qaTesting.getId());

        smtp.purge();
        testedInQa(request);
        sendAll();
        Task review = task(request, "Task_ReviewCode");
        assertThat(mailsTo("sam@example.org")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Waiting for you: Review API code of bob for project 101");
            assertThat(mail.text()).contains("?task=" + review.getId());
            assertThat(mail.html()).contains("?task=" + review.getId());
        });
        assertThat(mailsTo("rita@example.org")).extracting(Mail::subject).contains("Waiting for you: Review API code of bob for project 101");

        smtp.purge();
        driver.complete("sam", List.of("api-specialists"), review, Map.of("codeReviewOutcome", "CHANGES_REQUESTED",
                "codeReviewComments", "Please <b>filter</b> by date & page the export."));
        sendAll();
        Task retest = task(request, "Task_DevelopAndTestInQa");
        // One mail for the new QA task: the review outcome, with the comments and the task's link.
        assertThat(mailsTo("bob@example.org")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Changes requested: your API code for REDCap project 101");
            assertThat(mail.text()).contains("Please <b>filter</b> by date & page the export.", "?task=" + retest.getId());
            assertThat(mail.html()).contains("Please &lt;b&gt;filter&lt;/b&gt; by date &amp; page the export.")
                    .doesNotContain("<b>filter");
        });

        testedInQa(request);
        driver.complete("sam", List.of("api-specialists"), task(request, "Task_ReviewCode"),
                Map.of("codeReviewOutcome", "APPROVED", "codeReviewComments", "Looks good."));
        smtp.purge();
        sendAll();
        assertThat(mailsTo("bob@example.org")).extracting(Mail::subject)
                .containsExactly("Code review passed: your API token request for REDCap project 101");
        assertThat(mailsTo("ada@example.org")).extracting(Mail::subject)
                .containsExactly("Waiting for you: Approve production release for bob on project 101");

        smtp.purge();
        driver.complete("ada", List.of("redcap-admins"), task(request, "Task_ApproveRelease"),
                Map.of("adminDecision", "APPROVED", "adminComments", "Approved for nightly use."));
        Jobs.runDue(management);
        sendAll();
        assertThat(mailsTo("bob@example.org")).extracting(Mail::subject).containsExactly(
                "Release approved: your API token request for REDCap project 101",
                "Your production API token for REDCap project 101 is ready");

        List<String> secrets = List.of(simulator.tokenOf("qa", "bob", 201), simulator.tokenOf("prod", "bob", 101),
                RealServers.QA_STEWARD_TOKEN, RealServers.PROD_STEWARD_TOKEN);
        List<Mail> everything = MailCatcher.outbox(jdbc);
        assertThat(everything).hasSizeGreaterThan(8).allSatisfy(mail -> {
            for (String secret : secrets) {
                assertThat(mail.subject() + mail.text() + mail.html()).doesNotContainIgnoringCase(secret);
            }
            assertThat(mail.html()).doesNotContain("<script>", "<b>filter");
        });
    }

    @Test
    void whileTheMailServerIsDownStepsCompleteAndTheirMailsArriveLater() throws Exception {
        smtp.stop();
        try {
            ProcessInstance request = submit("alice", "Nightly export of new visits for the dashboard, by date.");
            Jobs.runDue(management);
            Task qaTesting = task(request, "Task_DevelopAndTestInQa");
            assertThat(qaTesting.getAssignee()).isEqualTo("alice");

            assertThat(dispatcher.sendDue()).isEqualTo(2);
            assertThat(jdbc.queryForList("select status from mail_outbox where to_usernames = 'alice' "
                    + "and attempts = 1 and last_error is not null", String.class)).containsOnly("PENDING").hasSize(2);
            assertThat(dispatcher.sendDue()).as("a failed mail waits for its retry").isZero();
        } finally {
            smtp.start();
        }
        // The backoff would wait a minute: the test lets it pass.
        jdbc.update("update mail_outbox set next_attempt_at = next_attempt_at - interval '1 hour' where status = 'PENDING'");
        sendAll();
        assertThat(mailsTo("alice@example.org")).extracting(Mail::subject).containsExactly(
                "We received your API token request for REDCap project 101",
                "Your QA API token is ready: Develop and test in QA (project 201)");
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Integer.class)).isZero();
    }

    private ProcessInstance submit(String requester, String usageDescription) {
        identity.setAuthentication(requester, List.of("api-requesters"));
        try {
            return runtime.startProcessInstanceByKey("TokenRequestProcess", Map.of("productionProjectId", 101L,
                    "qaProjectId", 201L, "rightExport", true, "rightImport", false, "rightMobileApp", false,
                    "fairUseAccepted", true, "intendedUse", "SCHEDULED_EXPORT", "usageDescription", usageDescription,
                    "callSchedule", "Nightly at 02:00", "expectedCallsPerDay", 10L));
        } finally {
            identity.clearAuthentication();
        }
    }

    private void testedInQa(ProcessInstance request) {
        driver.complete("bob", List.of("api-requesters"), task(request, "Task_DevelopAndTestInQa"), Map.of(
                "codeRepositoryUrl", "https://git.example.org/lab/sync", "codeCommit", "9c1e2d7",
                "testSummary", "Ran the export nightly in QA for a week with a date filter."));
    }

    private Task task(ProcessInstance request, String key) {
        return tasks.createTaskQuery().processInstanceId(request.getId()).taskDefinitionKey(key).singleResult();
    }

    private void sendAll() {
        MailCatcher.sendAll(dispatcher);
    }

    private static List<Mail> mailsTo(String address) {
        return smtp.mailsTo(address);
    }
}
