package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.notification.MailCatcher.withSubject;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.registry.IssuedToken;
import org.tokengov.testsupport.RealServers;

/**
 * The annual policy attestation's mails over real SMTP: each holder is asked with the link to their own task,
 * reminded (with it) only while they have not attested, and told when their tokens are revoked for not attesting.
 */
@ContextConfiguration(initializers = AttestationMailIT.OwnServers.class)
class AttestationMailIT extends MailITBase {

    /** A context of its own: the campaign asks every holder of a live token. */
    static class OwnServers extends RealServers {
    }

    @Test
    void eachHolderIsAskedAndRemindedWithTheirTaskLinkAndToldOfTheRevocation() {
        issue("alice", QA, 201);
        IssuedToken bobs = issue("bob", QA, 201);
        sendAndForget();

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

        people.complete("alice", List.of("api-requesters"), alicesTask, Map.of("policyAttested", true));
        assertThat(sent()).as("attesting sends nothing").isEmpty();

        fire(campaign, "Timer_AttestationReminder");
        assertThat(sent()).as("only who has not attested").singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Reminder: attest the REDCap API Fair Use Policy");
            assertThat(mail.to()).containsExactly("bob@example.org");
            assertThat(mail.linksTo(bobsTask.getId())).as("a reminder links to the task it is about").isTrue();
        });

        fire(campaign, "Timer_AttestationDeadline");
        runAllLifecycleJobs();
        assertThat(registry.find(bobs.id()).orElseThrow().revocationReason()).isEqualTo("ATTESTATION_FAILED");
        List<Mail> revoked = sent();
        assertThat(revoked).allSatisfy(mail -> assertThat(mail.to()).containsExactly("bob@example.org"));
        assertThat(withSubject(revoked, "Your REDCap API tokens were revoked: no policy attestation").text())
                .contains("every API token you held (1) was revoked");
        assertThat(withSubject(revoked, "Revoked: QA API token on REDCap project 201").text()).contains("(ATTESTATION_FAILED)");
        assertThat(revoked).hasSize(2);

        MailCatcher.assertNoTokenAndNoUnescapedHtml(withOutbox(received), tokens);
    }

    private Task attestationTaskOf(ProcessInstance campaign, String holder) {
        Task task = tasks.createTaskQuery().processInstanceId(campaign.getId()).taskAssignee(holder).singleResult();
        assertThat(task).as("attestation task of " + holder).isNotNull();
        return task;
    }
}
