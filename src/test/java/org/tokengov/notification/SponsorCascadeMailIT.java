package org.tokengov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tokengov.notification.MailCatcher.withSubject;
import static org.tokengov.redcap.RedcapEnvironment.PROD;
import static org.tokengov.redcap.RedcapEnvironment.QA;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.tokengov.identity.CamundaIdentityDirectory;
import org.tokengov.notification.MailCatcher.Mail;
import org.tokengov.registry.IssuedToken;
import org.tokengov.registry.TokenState;
import org.tokengov.sponsorship.SponsorCascade;
import org.tokengov.sponsorship.SponsorReplacementVariables;
import org.tokengov.testsupport.RealServers;

/**
 * The sponsor cascade over real SMTP: the external demo user erin (sponsor pat) holds a PROD and a QA token; pat
 * leaves. erin is told the tokens are held; the other PIs of erin's projects and the REDCap administrators get one
 * mail with the link to 'Name a new sponsor'; a new sponsor is told and the tokens released, or at the deadline
 * every token is revoked (SPONSOR_LEFT) with word to erin. Here sam is given User Rights on PROD 101, as a second PI.
 */
@ContextConfiguration(initializers = SponsorCascadeMailIT.OwnServers.class)
class SponsorCascadeMailIT extends MailITBase {

    /** A context of its own: erin's sponsor and tokens change, and the engine's clock moves. */
    static class OwnServers extends RealServers {
    }

    @Autowired SponsorCascade cascade;

    @BeforeEach
    void erinSponsoredByPatWithTwoTokens() {
        identity.setUserInfo("erin", CamundaIdentityDirectory.SPONSOR_INFO, "pat");
        issued.addProjectUser(PROD, 101, "sam");
        issued.redcap(PROD).update("UPDATE redcap_user_rights SET user_rights = 1 WHERE project_id = 101 AND username = 'sam'");
        if (registry.liveToken("erin", PROD, 101).isEmpty()) {
            issued.issue("erin", PROD, 101);
        }
        if (registry.liveToken("erin", QA, 201).isEmpty()) {
            issued.issue("erin", QA, 201);
        }
        rememberTokensInRedcap();
        sendAndForget();
    }

    @AfterEach
    void noTokenAndNoUnescapedHtml() {
        identity.setUserInfo("erin", CamundaIdentityDirectory.SPONSOR_INFO, "pat");
        assertReceivedAndQueuedMailsHoldNoTokenAndNoUnescapedHtml();
    }

    @Test
    void thePisAndAdministratorsGetTheNamingTaskErinIsToldOfTheHoldAndThenOfTheRelease() {
        assertThat(cascade.startFor("pat", "evt-mail-1")).isEqualTo(1);
        ProcessInstance replacement = replacement("evt-mail-1");
        runJobs(replacement);
        Task naming = namingTask(replacement);
        String due = naming.getDueDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();

        List<Mail> held = sent();
        assertThat(held).extracting(Mail::subject).containsExactlyInAnyOrder(
                "On hold: your REDCap API tokens (your sponsor left)",
                "Name a new sponsor for erin by " + due);
        Mail toErin = withSubject(held, "On hold: your REDCap API tokens (your sponsor left)");
        assertThat(toErin.to()).containsExactly("erin@example.org");
        assertThat(toErin.text()).contains("PROD 101", "QA 201", "by " + due);
        assertThat(toErin.linksTo(naming.getId())).as("erin cannot act on the task").isFalse();
        Mail toPis = withSubject(held, "Name a new sponsor for erin by " + due);
        assertThat(toPis.to()).as("the other PI from REDCap's User Rights and the administrators, not the departed pat")
                .containsExactlyInAnyOrder("sam@example.org", "ada@example.org", "rita@example.org");
        assertThat(toPis.linksTo(naming.getId())).as("one mail with the task's link, no second generic one").isTrue();

        people.complete("ada", List.of("redcap-admins"), naming, Map.of("newSponsor", "bob"));
        runJobs(replacement);
        assertThat(registry.ofHolder("erin")).filteredOn(token -> token.state().isLive())
                .extracting(IssuedToken::state).containsOnly(TokenState.ACTIVE, TokenState.QA_ACTIVE).hasSize(2);
        List<Mail> replaced = sent();
        assertThat(replaced).extracting(Mail::subject).containsExactlyInAnyOrder(
                "You now sponsor erin for REDCap API tokens",
                "Released: your REDCap API tokens work again");
        assertThat(withSubject(replaced, "You now sponsor erin for REDCap API tokens").to()).containsExactly("bob@example.org");
        assertThat(withSubject(replaced, "You now sponsor erin for REDCap API tokens").text()).contains("ada named you");
        assertThat(withSubject(replaced, "Released: your REDCap API tokens work again").to())
                .containsExactly("erin@example.org");
    }

    @Test
    void withoutANewSponsorByTheDeadlineEveryTokenIsRevokedAndErinIsTold() {
        List<IssuedToken> live = registry.ofHolder("erin").stream().filter(token -> token.state().isLive()).toList();
        assertThat(live).hasSize(2);
        assertThat(cascade.startFor("pat", "evt-mail-2")).isEqualTo(1);
        ProcessInstance replacement = replacement("evt-mail-2");
        runJobs(replacement);
        Task naming = namingTask(replacement);
        sent();

        Job deadline = management.createJobQuery().processInstanceId(replacement.getId())
                .activityId("Timer_SponsorDeadline").singleResult();
        assertThat(deadline.getDuedate()).as("the task shows the deadline").isCloseTo(naming.getDueDate(), 60_000);
        ClockUtil.setCurrentTime(deadline.getDuedate());
        management.executeJob(deadline.getId());
        runJobs(replacement);
        live.forEach(this::runLifecycleJobs);

        assertThat(live).allSatisfy(token -> {
            IssuedToken revoked = registry.find(token.id()).orElseThrow();
            assertThat(revoked.state()).isEqualTo(TokenState.REVOKED);
            assertThat(revoked.revocationReason()).isEqualTo("SPONSOR_LEFT");
        });
        List<Mail> revoked = sent();
        assertThat(revoked).extracting(Mail::subject).containsExactlyInAnyOrder(
                "Your REDCap API tokens are revoked: no new sponsor",
                "Revoked: PROD API token on REDCap project 101",
                "Revoked: QA API token on REDCap project 201");
        assertThat(revoked).allSatisfy(mail -> {
            assertThat(mail.to()).containsExactly("erin@example.org");
            assertThat(mail.text()).doesNotContain("default/#/?task=");
        });
        assertThat(withSubject(revoked, "Revoked: PROD API token on REDCap project 101").text()).contains("(SPONSOR_LEFT)");
    }

    private ProcessInstance replacement(String eventId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(SponsorReplacementVariables.PROCESS)
                .processInstanceBusinessKey(SponsorReplacementVariables.businessKey(eventId, "erin")).singleResult();
        assertThat(instance).as("the replacement for erin").isNotNull();
        return instance;
    }

    private Task namingTask(ProcessInstance replacement) {
        Task task = tasks.createTaskQuery().processInstanceId(replacement.getId()).taskDefinitionKey("Task_NameNewSponsor")
                .singleResult();
        assertThat(task).as("the naming task").isNotNull();
        return task;
    }
}
