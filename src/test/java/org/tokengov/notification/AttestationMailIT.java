package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.notification.MailCatcher.withSubject;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenRegistry;
import org.tokengov.testsupport.IssuedTokens;
import org.tokengov.testsupport.PipelineDriver;
import org.tokengov.testsupport.RealServers;

/**
 * The annual policy attestation's mails over real SMTP: each holder is asked with the link to their own task,
 * reminded (with it) only while they have not attested, and told when their tokens are revoked for not attesting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = AttestationMailIT.OwnServers.class)
class AttestationMailIT {

    /** A context of its own: the campaign asks every holder of a live token. */
    static class OwnServers extends RealServers {
    }

    static final MailCatcher smtp = new MailCatcher();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Autowired ConfigurableApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired TokenRegistry registry;
    @Autowired MailDispatcher dispatcher;
    @Autowired JdbcTemplate jdbc;

    final List<Mail> received = new ArrayList<>();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void eachHolderIsAskedAndRemindedWithTheirTaskLinkAndToldOfTheRevocation() {
        IssuedTokens issued = new IssuedTokens(context);
        issued.issue("alice", QA, 201);
        IssuedToken bobs = issued.issue("bob", QA, 201);
        Set<String> tokens = MailCatcher.tokensInRedcap(context);
        MailCatcher.sendAll(dispatcher);
        smtp.purge();

        Job campaignStart = management.createJobQuery().timers().activityId("StartEvent_AttestationCampaignDue").singleResult();
        management.executeJob(campaignStart.getId());
        ProcessInstance campaign = runtime.createProcessInstanceQuery().processDefinitionKey("PolicyAttestationProcess")
                .singleResult();
        Task alicesTask = attestationTaskOf(campaign, "alice");
        Task bobsTask = attestationTaskOf(campaign, "bob");
        List<Mail> asked = sent();
        assertThat(asked).hasSize(2).allSatisfy(mail -> assertThat(mail.subject())
                .startsWith("Annual attestation of the REDCap API Fair Use Policy: due "));
        assertThat(asked).filteredOn(mail -> mail.to().equals(List.of("alice@example.org"))).singleElement()
                .satisfies(mail -> assertThat(mail.linksTo(alicesTask.getId())).as("alice's own task").isTrue());
        assertThat(asked).filteredOn(mail -> mail.to().equals(List.of("bob@example.org"))).singleElement()
                .satisfies(mail -> assertThat(mail.linksTo(bobsTask.getId())).as("bob's own task").isTrue());

        new PipelineDriver(runtime, tasks, identity, management).complete("alice", List.of("api-requesters"), alicesTask,
                Map.of("policyAttested", true));
        assertThat(sent()).as("attesting sends nothing").isEmpty();

        fire(campaign, "Timer_AttestationReminder");
        assertThat(sent()).as("only who has not attested").singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Reminder: attest the REDCap API Fair Use Policy");
            assertThat(mail.to()).containsExactly("bob@example.org");
            assertThat(mail.linksTo(bobsTask.getId())).as("a reminder links to the task it is about").isTrue();
        });

        fire(campaign, "Timer_AttestationDeadline");
        runLifecycleJobs();
        assertThat(registry.find(bobs.id()).orElseThrow().revocationReason()).isEqualTo("ATTESTATION_FAILED");
        List<Mail> revoked = sent();
        assertThat(revoked).allSatisfy(mail -> assertThat(mail.to()).containsExactly("bob@example.org"));
        assertThat(withSubject(revoked, "Your REDCap API tokens were revoked: no policy attestation").text())
                .contains("every API token you held (1) was revoked");
        assertThat(withSubject(revoked, "Revoked: QA API token on REDCap project 201").text()).contains("(ATTESTATION_FAILED)");
        assertThat(revoked).hasSize(2);

        received.addAll(MailCatcher.outbox(jdbc));
        MailCatcher.assertNoTokenAndNoUnescapedHtml(received, tokens);
    }

    private Task attestationTaskOf(ProcessInstance campaign, String holder) {
        Task task = tasks.createTaskQuery().processInstanceId(campaign.getId()).taskAssignee(holder).singleResult();
        assertThat(task).as("attestation task of " + holder).isNotNull();
        return task;
    }

    /** The engine's clock moves to the timer and its job runs, then the campaign's asynchronous steps. */
    private void fire(ProcessInstance campaign, String timerId) {
        Job timer = management.createJobQuery().processInstanceId(campaign.getId()).activityId(timerId).timers()
                .singleResult();
        assertThat(timer).as(timerId).isNotNull();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1_000));
        management.executeJob(timer.getId());
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(campaign.getId()).messages().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private void runLifecycleJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processDefinitionKey("TokenLifecycleProcess").messages()
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** Sends the outbox and returns what arrived since the last call. */
    private List<Mail> sent() {
        MailCatcher.sendAll(dispatcher);
        List<Mail> mails = smtp.all();
        received.addAll(mails);
        smtp.purge();
        return mails;
    }
}
